<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>WenQuanYi Micro Hei, the interface&apos;s font</source>
        <translation>文泉驿微米黑（界面字体）版权说明</translation>
    </message>
    <message>
        <source>WenQuanYi Micro Hei: Apache License 2.0</source>
        <translation>文泉驿微米黑：Apache 许可证 2.0</translation>
    </message>
    <message>
        <source>AR PL UMing, the printed documents&apos; font</source>
        <translation>文鼎PL细上海宋（文书字体）</translation>
    </message>
    <message>
        <source>About heze-station</source>
        <translation>关于菏谐驿站</translation>
    </message>
    <message>
        <source>heze-station: labour-dispute mediation</source>
        <translation>菏谐驿站劳动争议调解工作站</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>Qt {qt} (PySide6 {pyside}), Python {python}</source>
        <translation>Qt {qt}（PySide6 {pyside}），Python {python}</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Built on:</source>
        <translation>运行环境：</translation>
    </message>
    <message>
        <source>Font &amp;licence:</source>
        <translation>字体许可证(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>再次输入密码(&amp;G)：</translation>
    </message>
</context>
<context>
    <name>AccountsWindow</name>
    <message>
        <source>Station accounts</source>
        <translation>本站账户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>添加账户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Lock the window after</source>
        <translation>无操作(&amp;L)</translation>
    </message>
    <message>
        <source>without use</source>
        <translation>后自动锁定</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Cannot sign in: an older account has this login. Disable it and add the person again.</source>
        <translation>无法登录：更早的账户已使用此登录名。请停用此账户，再用其他登录名为此人添加账户。</translation>
    </message>
    <message>
        <source>Disable the account {login} ({name})? It can no longer sign in on any computer of the station.</source>
        <translation>停用账户 {login}（{name}）？停用后该账户在本站任何电脑上都不能登录。</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>停用账户</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>&amp;Reason for &quot;{action}&quot; (case {number}). It is recorded in the case file.</source>
        <translation>请填写“{action}”的理由(&amp;R)（案号：{number}），理由将记入案件卷宗。</translation>
    </message>
    <message>
        <source>Ctrl+Enter to confirm, Esc to cancel.</source>
        <translation>按 Ctrl+Enter 确认，按 Esc 取消。</translation>
    </message>
    <message>
        <source>&quot;{action}&quot; for case {number}? This cannot be undone.</source>
        <translation>确定对案件{number}执行“{action}”吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>{length} / {maximum}</source>
        <translation>{length} / {maximum}</translation>
    </message>
</context>
<context>
    <name>AddWorkerDialog</name>
    <message>
        <source>Add a worker</source>
        <translation>添加工人</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>手机号(&amp;P)</translation>
    </message>
    <message>
        <source>Amount &amp;claimed (yuan)</source>
        <translation>请求金额（元）(&amp;C)</translation>
    </message>
    <message>
        <source>E&amp;thnicity</source>
        <translation>民族(&amp;T)</translation>
    </message>
    <message>
        <source>Home a&amp;ddress</source>
        <translation>住址(&amp;D)</translation>
    </message>
    <message>
        <source>P&amp;ost</source>
        <translation>工种/岗位(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Bank</source>
        <translation>开户银行(&amp;B)</translation>
    </message>
    <message>
        <source>Bank acco&amp;unt</source>
        <translation>银行账号(&amp;U)</translation>
    </message>
    <message>
        <source>An account in the worker&apos;s own name; the agreement pays his share into it</source>
        <translation>劳动者本人名下的账户；调解协议约定的款项付入此账户</translation>
    </message>
    <message>
        <source>The new worker is an &amp;elected representative</source>
        <translation>新增的工人也是推举的代表(&amp;E)</translation>
    </message>
    <message>
        <source>Representatives</source>
        <translation>代表人</translation>
    </message>
    <message>
        <source>Tick the workers already on the case who represent the others</source>
        <translation>勾选已在案件中的工人里推举出的代表</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
</context>
<context>
    <name>AfterMediationTab</name>
    <message>
        <source>Parties will apply for judicial &amp;confirmation</source>
        <translation>双方将申请司法确认(&amp;C)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>Filed / received</source>
        <translation>申请/收到日期</translation>
    </message>
    <message>
        <source>Accepted / issued</source>
        <translation>受理/发出日期</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>延长日期</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>证人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Can speak to</source>
        <translation>可证明的事项</translation>
    </message>
    <message>
        <source>Add &amp;witness…</source>
        <translation>添加证人(&amp;W)…</translation>
    </message>
    <message>
        <source>Remove witness</source>
        <translation>删除证人</translation>
    </message>
    <message>
        <source>Witnesses named in the referral to arbitration</source>
        <translation>移送仲裁函列明的证人</translation>
    </message>
    <message>
        <source>Nothing follows mediation yet: a referral or an agreement in effect starts it.</source>
        <translation>调解后暂无后续程序：案件移送或调解协议生效后可在此登记。</translation>
    </message>
    <message>
        <source>Small claim: an award would be final for the employer (largest claim {largest}, line {line}).</source>
        <translation>小额案件：仲裁裁决对用人单位为终局裁决（最大单人请求{largest}，标准{line}）。</translation>
    </message>
    <message>
        <source>Not a small claim: the employer could still go to court (largest claim {largest}, line {line}).</source>
        <translation>非小额案件：用人单位仍可起诉（最大单人请求{largest}，标准{line}）。</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Agreement terms – {number}</source>
        <translation>调解协议条款 – {number}</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>工人</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Account in the worker&apos;s name</source>
        <translation>工人本人账号</translation>
    </message>
    <message>
        <source>Show bank &amp;accounts</source>
        <translation>显示完整银行账号(&amp;A)</translation>
    </message>
    <message>
        <source>An account shows in full while you edit it.</source>
        <translation>编辑时账号完整显示。</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Add &amp;instalment</source>
        <translation>增加一期(&amp;I)</translation>
    </message>
    <message>
        <source>Remove last</source>
        <translation>删除最后一期</translation>
    </message>
    <message>
        <source>e.g. 未休年休假工资; printed as “支付……”</source>
        <translation>例如：未休年休假工资；协议书上印作“支付……”</translation>
    </message>
    <message>
        <source>0 if none</source>
        <translation>没有则填0</translation>
    </message>
    <message>
        <source>Only work-injury medical costs (工伤医疗费) can go to court for a payment order if unpaid.</source>
        <translation>逾期不付时，只有工伤医疗费部分可以向人民法院申请支付令。</translation>
    </message>
    <message>
        <source>One for each party (the general contractor too when it pays first) and one for the file</source>
        <translation>各方当事人（施工总承包单位先行清偿时含总承包单位）各执一份，调解组织存档一份</translation>
    </message>
    <message>
        <source>Agreement &amp;date</source>
        <translation>协议日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Payer</source>
        <translation>付款方(&amp;P)</translation>
    </message>
    <message>
        <source>Payment &amp;method</source>
        <translation>支付方式(&amp;M)</translation>
    </message>
    <message>
        <source>Amount for each &amp;worker</source>
        <translation>每名工人金额(&amp;W)</translation>
    </message>
    <message>
        <source>Sum paid &amp;for</source>
        <translation>款项性质(&amp;F)</translation>
    </message>
    <message>
        <source>Of which medical &amp;costs (yuan)</source>
        <translation>其中工伤医疗费（元）(&amp;C)</translation>
    </message>
    <message>
        <source>Payment sc&amp;hedule</source>
        <translation>分期付款安排(&amp;H)</translation>
    </message>
    <message>
        <source>Claims &amp;given up</source>
        <translation>放弃的请求(&amp;G)</translation>
    </message>
    <message>
        <source>If pa&amp;yment is missed</source>
        <translation>违约条款(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Other terms</source>
        <translation>其他约定(&amp;O)</translation>
    </message>
    <message>
        <source>O&amp;riginals</source>
        <translation>协议份数(&amp;R)</translation>
    </message>
    <message>
        <source>{amount} has been paid under the agreement in effect. It stays counted under that agreement once this one replaces it: write here only what is still to be paid (filled in below, instalment by instalment).</source>
        <translation>现行协议下已支付 {amount}。新协议取代现行协议后，这笔钱仍计在现行协议下：新协议只写尚未支付的金额（下面已按各期填好）。</translation>
    </message>
    <message>
        <source>Instalment {n} falls due on {due}, a rest day: the payer may pay until {last}.</source>
        <translation>第{n}期的付款期限{due}是休息日：付款人可顺延至{last}支付。</translation>
    </message>
    <message>
        <source>Total: check the amounts above</source>
        <translation>合计：请检查上面的金额</translation>
    </message>
    <message>
        <source>Total: {figures} ({capitals})</source>
        <translation>合计：{figures}（{capitals}）</translation>
    </message>
</context>
<context>
    <name>AgreementSignatures</name>
    <message>
        <source>Collect signatures – {number}</source>
        <translation>收集签名 – {number}</translation>
    </message>
    <message>
        <source>An authorised &amp;agent signs for this worker</source>
        <translation>由特别授权的委托代理人代为签字(&amp;A)</translation>
    </message>
    <message>
        <source>Signed on the printed agreement (nothing drawn here)</source>
        <translation>已在纸质协议书上签字（此处不手写）</translation>
    </message>
    <message>
        <source>Employer&apos;s seal a&amp;pplied</source>
        <translation>用人单位已盖章(&amp;P)</translation>
    </message>
    <message>
        <source>Apply station s&amp;eal</source>
        <translation>加盖调解组织印章(&amp;E)</translation>
    </message>
    <message>
        <source>Agreement takes e&amp;ffect</source>
        <translation>协议生效(&amp;F)</translation>
    </message>
</context>
<context>
    <name>AgreementTab</name>
    <message>
        <source>No.</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付金额</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Signed as</source>
        <translation>签字身份</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>签字时间</translation>
    </message>
    <message>
        <source>Signing for</source>
        <translation>为谁代签</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>凭证号/经手人</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid to</source>
        <translation>收款人</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>工人</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>应得金额</translation>
    </message>
    <message>
        <source>Paid to him</source>
        <translation>已付本人</translation>
    </message>
    <message>
        <source>Still owed</source>
        <translation>尚欠金额</translation>
    </message>
    <message>
        <source>Dr&amp;aft agreement…</source>
        <translation>起草调解协议(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Collect signatures…</source>
        <translation>收集签名(&amp;C)…</translation>
    </message>
    <message>
        <source>Other sig&amp;nature…</source>
        <translation>其他签字(&amp;N)…</translation>
    </message>
    <message>
        <source>Emp&amp;loyer&apos;s seal applied</source>
        <translation>用人单位已盖章(&amp;L)</translation>
    </message>
    <message>
        <source>Apply station s&amp;eal</source>
        <translation>加盖调解组织印章(&amp;E)</translation>
    </message>
    <message>
        <source>Agreement ta&amp;kes effect</source>
        <translation>协议生效(&amp;K)</translation>
    </message>
    <message>
        <source>Record pa&amp;yment…</source>
        <translation>登记付款(&amp;Y)…</translation>
    </message>
    <message>
        <source>Pay each &amp;worker…</source>
        <translation>按工人分别付款(&amp;W)…</translation>
    </message>
    <message>
        <source>Parties will apply for arbitral re&amp;view</source>
        <translation>双方拟申请仲裁审查(&amp;V)</translation>
    </message>
    <message>
        <source>Application made…</source>
        <translation>已提出申请…</translation>
    </message>
    <message>
        <source>Review document received…</source>
        <translation>已收到仲裁调解书…</translation>
    </message>
    <message>
        <source>Payment schedule</source>
        <translation>分期付款安排</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签字情况</translation>
    </message>
    <message>
        <source>Payments received</source>
        <translation>已收到的付款</translation>
    </message>
    <message>
        <source>Who is still owed</source>
        <translation>尚未足额收款的工人</translation>
    </message>
    <message>
        <source>Ed&amp;it draft…</source>
        <translation>修改协议草稿(&amp;I)…</translation>
    </message>
    <message>
        <source>Draft a &amp;superseding agreement…</source>
        <translation>起草变更协议（取代原协议）(&amp;S)…</translation>
    </message>
    <message>
        <source>No agreement yet. When the parties agree, draft the terms, collect the signatures, apply the seal, and the agreement takes effect.</source>
        <translation>尚无调解协议。双方达成一致后，起草协议条款，各方签字，加盖印章，协议即生效。</translation>
    </message>
    <message>
        <source>No agreement: an agreement is drafted while the case is in mediation.</source>
        <translation>无调解协议：调解协议应在调解期间起草。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{state}&lt;/b&gt; · agreed on {day}</source>
        <translation>&lt;b&gt;{state}&lt;/b&gt; · 协议日期 {day}</translation>
    </message>
    <message>
        <source>Payer: {payer} ({role}); {method}</source>
        <translation>付款方：{payer}（{role}）；{method}</translation>
    </message>
    <message>
        <source>Total: &lt;b&gt;{figures}&lt;/b&gt; ({capitals})</source>
        <translation>合计：&lt;b&gt;{figures}&lt;/b&gt;（{capitals}）</translation>
    </message>
    <message>
        <source>Paid for: {subject}</source>
        <translation>款项性质：{subject}</translation>
    </message>
    <message>
        <source>Of which work-injury medical costs: {amount}</source>
        <translation>其中工伤医疗费：{amount}</translation>
    </message>
    <message>
        <source>Before it can take effect:</source>
        <translation>生效前还需要：</translation>
    </message>
    <message>
        <source>In effect since {moment}. Performance: &lt;b style=&apos;color:{colour}&apos;&gt;{state}&lt;/b&gt;; paid {paid}, still owed {owed}.</source>
        <translation>自 {moment} 起生效。履行情况：&lt;b style=&apos;color:{colour}&apos;&gt;{state}&lt;/b&gt;；已付 {paid}，尚欠 {owed}。</translation>
    </message>
    <message>
        <source>In default since {day}: refer the case to arbitration, or, for unpaid wages, to court for a payment order (buttons below).</source>
        <translation>自 {day} 起未按期履行：可移送仲裁，欠薪等案件也可向法院申请支付令（见下方按钮）。</translation>
    </message>
    <message>
        <source>{n} earlier agreement(s) superseded.</source>
        <translation>已有 {n} 份原协议被取代。</translation>
    </message>
    <message>
        <source>{due} (a rest day: may be paid until {last})</source>
        <translation>{due}（休息日，顺延至{last}）</translation>
    </message>
    <message>
        <source>All workers (by instalment)</source>
        <translation>全体工人（按期计）</translation>
    </message>
    <message>
        <source>Agreement takes effect</source>
        <translation>协议生效</translation>
    </message>
    <message>
        <source>Once in effect the agreement can no longer be changed; a change needs a new agreement. Bring it into effect now?</source>
        <translation>协议生效后不能再修改，变更只能另订新协议。现在使协议生效吗？</translation>
    </message>
</context>
<context>
    <name>ApplicationSignatureBar</name>
    <message>
        <source>Capture t&amp;he applicant&apos;s signature…</source>
        <translation>采集申请人签名(&amp;H)…</translation>
    </message>
    <message>
        <source>The record of the oral application awaits the applicant&apos;s signature ({names}).</source>
        <translation>口头申请笔录待申请人签名（{names}）。</translation>
    </message>
</context>
<context>
    <name>ApplicationSignatures</name>
    <message>
        <source>Applicants&apos; signatures on the oral application record</source>
        <translation>申请人在口头申请笔录上签名</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>C&amp;hoose scan…</source>
        <translation>选择扫描件(&amp;H)…</translation>
    </message>
    <message>
        <source>Scan of the record signed on paper</source>
        <translation>纸质签名笔录的扫描件</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>照片和扫描件 (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>Or signed on paper:</source>
        <translation>或已在纸质笔录上签名：</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
</context>
<context>
    <name>ArchiveWindow</name>
    <message>
        <source>Archived case files</source>
        <translation>归档案卷</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Keep until</source>
        <translation>保存至</translation>
    </message>
    <message>
        <source>A closed file is kept {mediation} years after its mediation ended and {award} years after an arbitration award (counted from the referral until the award date is recorded); none is removed before then.</source>
        <translation>已结案卷自调解结束之日起保存{mediation}年，经仲裁裁决的自裁决之日起保存{award}年（裁决日期登记前自移送仲裁之日起算）；期满前一律不得销毁。</translation>
    </message>
    <message>
        <source>{count} closed files</source>
        <translation>已结案卷{count}件</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <source>Entry {seq} of the audit trail was changed, removed or inserted after it was written (found when the program started). The entries after it are as they were written.</source>
        <translation>审计日志第 {seq} 条在写入后被改动、删除或插入过（程序启动时发现）。其后的记录保持原样。</translation>
    </message>
    <message>
        <source>Since {time} this computer&apos;s audit trail no longer matches what the city server received at earlier syncs: it was rewritten on this computer. The city has been told.</source>
        <translation>自 {time} 起，本机审计日志与市级服务器此前同步时收到的记录不一致：本机上的日志被重写过。市里已收到提示。</translation>
    </message>
    <message>
        <source>The audit trail is whole: {count} entries, each checked when the program started.</source>
        <translation>审计日志完整：共 {count} 条，程序启动时已逐条核对。</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出为 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>The newest {count} entries are shown; narrow the filter or export to see all.</source>
        <translation>仅显示最新的 {count} 条；请缩小筛选范围，或导出查看全部。</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <source>audit-trail-{date}.xlsx</source>
        <translation>审计日志-{date}.xlsx</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{count} entries exported to {file}</source>
        <translation>已将 {count} 条导出到 {file}</translation>
    </message>
</context>
<context>
    <name>BackupsWindow</name>
    <message>
        <source>Backups</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>&amp;Change folder…</source>
        <translation>更改文件夹(&amp;C)…</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore the chosen backup…</source>
        <translation>恢复所选备份(&amp;R)…</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <source>months</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Keep the newest of the last</source>
        <translation>保留最近</translation>
    </message>
    <message>
        <source>The automatic backup of {time} could not be written to the backup folder (is the USB stick plugged in?). Plug it in and back up now, or choose another folder.</source>
        <translation>{time} 的自动备份未能写入备份文件夹（U 盘是否已插好？）。请插好后点“立即备份”，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未备份</translation>
    </message>
    <message>
        <source>Last backup: {time}. Backups are made every day and when the program closes after a change; each is checked before it counts.</source>
        <translation>上次备份：{time}。每天以及有改动后关闭程序时自动备份；每份备份都经过核验才算数。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Restore the backup of {time}? What was typed on this computer after it is replaced (the current data is kept aside in the data folder); what was synced comes back from the city at the next sync. Everyone signs in again afterwards.</source>
        <translation>恢复 {time} 的备份吗？此后在本机录入的内容将被替换（当前数据另存在数据文件夹中）；已同步的内容会在下次同步时从市里取回。恢复后需重新登录。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Call back the worker</source>
        <translation>回访劳动者</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>&amp;Called on</source>
        <translation>回访日期(&amp;C)</translation>
    </message>
    <message>
        <source>What the wor&amp;ker said</source>
        <translation>劳动者反馈(&amp;K)</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <source>Case file</source>
        <translation>案件卷宗</translation>
    </message>
    <message>
        <source>&amp;Parties</source>
        <translation>当事人(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Facts and evidence</source>
        <translation>事实与证据(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Deadlines</source>
        <translation>期限(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Mediation</source>
        <translation>调解(&amp;M)</translation>
    </message>
    <message>
        <source>A&amp;greement and payments</source>
        <translation>协议与履行(&amp;G)</translation>
    </message>
    <message>
        <source>Court and a&amp;rbitration</source>
        <translation>法院与仲裁(&amp;R)</translation>
    </message>
    <message>
        <source>Doc&amp;uments</source>
        <translation>文书(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>办理记录(&amp;T)</translation>
    </message>
    <message>
        <source>Close window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <source>Actions:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Application received</source>
        <translation>收到申请日期</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>劳动者人数</translation>
    </message>
    <message>
        <source>Total claimed</source>
        <translation>请求金额合计</translation>
    </message>
    <message>
        <source>Knew of the dispute</source>
        <translation>知道权利受侵害之日</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>工程项目</translation>
    </message>
    <message>
        <source>&amp;Show personal data</source>
        <translation>显示个人信息(&amp;S)</translation>
    </message>
    <message>
        <source>ID numbers, phones and bank accounts are personal information; show them only when needed. Your account may see in full: {fields}.</source>
        <translation>身份证号、电话和银行账号属于个人信息，仅在需要时显示。您的账户可查看完整的：{fields}。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>请求金额</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Facts and reasons</source>
        <translation>事实与理由</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Working days follow the official holiday calendar; other periods are calendar days. The day the period starts is not counted.</source>
        <translation>以“工作日”计的期限按国家法定节假日安排（含调休）计算，其他期限按自然日计算；期间开始的当日不计入。</translation>
    </message>
    <message>
        <source>&amp;Limitation facts…</source>
        <translation>仲裁时效情况(&amp;L)…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>{number} – case file</source>
        <translation>{number} – 案件卷宗</translation>
    </message>
    <message>
        <source>No evidence listed.</source>
        <translation>未列明证据。</translation>
    </message>
    <message>
        <source>Collective dispute · {count} workers</source>
        <translation>集体劳动争议 · 劳动者{count}人</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>理由：{reason}</translation>
    </message>
    <message>
        <source>Claimants ({count})</source>
        <translation>申请人（{count}人）</translation>
    </message>
    <message>
        <source>✔ Representative</source>
        <translation>✔ 代表</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>of an employer: company name or person</comment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>This code fails the check-character test; accepted because: {reason}</source>
        <translation>该代码未通过校验码校验，已按以下理由保留：{reason}</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Estimate: the official holiday calendar for this period is not yet published.</source>
        <translation>估算：该期间的国家法定节假日安排尚未公布。</translation>
    </message>
    <message>
        <source>Notice of refusal served…</source>
        <translation>不予受理通知书已送达…</translation>
    </message>
    <message>
        <source>none: this case is finished</source>
        <translation>无（本案已办结）</translation>
    </message>
    <message>
        <source>none: this case was voided</source>
        <translation>无（本案已作废）</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>登记付款…</translation>
    </message>
    <message>
        <source>In default since {day}, {amount} overdue: follow it up, or refer the case</source>
        <translation>自{day}起逾期未付，逾期{amount}：请督促履行，或申请仲裁、支付令</translation>
    </message>
    <message>
        <source>Being paid: {amount} due on {day}</source>
        <translation>履行中：{amount}应于{day}支付</translation>
    </message>
    <message>
        <source>Knew of it on {knew}; {employment}</source>
        <translation>知道权利受侵害之日：{knew}；{employment}</translation>
    </message>
    <message>
        <source> on {day}</source>
        <translation>，{day}</translation>
    </message>
    <message>
        <source>; suspended {start} to {end}: {reason}</source>
        <translation>；时效中止 {start} 至 {end}：{reason}</translation>
    </message>
    <message>
        <source>The minutes entry you typed has not been added. Close the case file and discard it?</source>
        <translation>您输入的笔录内容尚未添加。关闭案卷并放弃这段内容吗？</translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <source>Search names, ID numbers, employers, projects, facts…</source>
        <translation>搜索姓名、身份证号码、用人单位、工程项目、事实与理由…</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>全部在办</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部案由</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>&amp;Registered from</source>
        <translation>登记日期(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;lear search and filters</source>
        <translation>清除搜索和筛选(&amp;L)</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>The cases listed now, with the search and filters as they are</source>
        <translation>导出当前列出的案件（按现在的搜索和筛选条件）</translation>
    </message>
    <message>
        <source>Show all cases</source>
        <translation>显示全部案件</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>Cat&amp;egory:</source>
        <translation>案由(&amp;E)：</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>渠道(&amp;N)：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Cases behind the figure: {caption}</source>
        <translation>该指标对应的案件：{caption}</translation>
    </message>
    <message>
        <source>Export the case list</source>
        <translation>导出案件列表</translation>
    </message>
    <message>
        <source>Cases {day}.xlsx</source>
        <translation>案件列表 {day}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{count} cases exported to {file}</source>
        <translation>已将{count}件案件导出到 {file}</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>共{count}件</translation>
    </message>
    <message>
        <source>No cases match.
Check the spelling, search for fewer characters, or choose wider filters.</source>
        <translation>没有符合条件的案件。
请检查输入是否有误，或减少搜索字数、放宽筛选条件。</translation>
    </message>
    <message>
        <source>No cases yet.
Complaints registered on the Register page (Ctrl+N) appear here.</source>
        <translation>暂无案件。
在“登记”页（Ctrl+N）登记的投诉将显示在这里。</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Claimants</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>匹配内容</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>请求金额</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>New password a&amp;gain:</source>
        <translation>再次输入新密码(&amp;G)：</translation>
    </message>
</context>
<context>
    <name>ChartsPane</name>
    <message>
        <source>Received by week</source>
        <translation>每周受理</translation>
    </message>
    <message>
        <source>Received by category</source>
        <translation>按类别受理</translation>
    </message>
    <message>
        <source>Agreed and paid by week</source>
        <translation>每周协议金额与支付金额</translation>
    </message>
    <message>
        <source>Week of the year</source>
        <translation>年度周次</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Agreed (yuan)</source>
        <translation>协议金额（元）</translation>
    </message>
    <message>
        <source>Paid (yuan)</source>
        <translation>已支付（元）</translation>
    </message>
</context>
<context>
    <name>ClueStepDialog</name>
    <message>
        <source>Clue {ref}</source>
        <translation>线索 {ref}</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>步骤(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Amount &amp;recovered</source>
        <translation>追回金额(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Workers paid</source>
        <translation>获付劳动者人数(&amp;W)</translation>
    </message>
    <message>
        <source>What was &amp;found</source>
        <translation>核查情况(&amp;F)</translation>
    </message>
</context>
<context>
    <name>CluesView</name>
    <message>
        <source>Wage-arrears clues</source>
        <translation>欠薪线索</translation>
    </message>
    <message>
        <source>No clues yet. Clues the city forwards from the national platform appear here.</source>
        <translation>暂无线索。市局从全国根治欠薪线索反映平台转来的线索会显示在这里。</translation>
    </message>
    <message>
        <source>Show &amp;all clues</source>
        <translation>显示全部线索(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Show personal data</source>
        <translation>显示个人信息(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Next step…</source>
        <translation>下一步(&amp;N)…</translation>
    </message>
    <message>
        <source>Register as a &amp;case…</source>
        <translation>登记为案件(&amp;C)…</translation>
    </message>
    <message>
        <source>Call &amp;back…</source>
        <translation>回访(&amp;B)…</translation>
    </message>
    <message>
        <source>Platform no.</source>
        <translation>平台编号</translation>
    </message>
    <message>
        <source>City&apos;s deadline</source>
        <translation>市局办结期限</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>Employer / project</source>
        <translation>用人单位／项目</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Clues behind the figure: {caption}</source>
        <translation>该指标对应的线索：{caption}</translation>
    </message>
    <message>
        <source>Reported: {summary}</source>
        <translation>反映内容：{summary}</translation>
    </message>
    <message>
        <source>Worker&apos;s phone: {phone}</source>
        <translation>劳动者电话：{phone}</translation>
    </message>
    <message>
        <source>Found: {note}</source>
        <translation>核查情况：{note}</translation>
    </message>
    <message>
        <source>Recovered {amount} for {count} workers</source>
        <translation>为{count}名劳动者追回{amount}</translation>
    </message>
    <message>
        <source>Case: {number}</source>
        <translation>案件：{number}</translation>
    </message>
    <message>
        <source>Called back on {day}: {note}</source>
        <translation>{day}回访：{note}</translation>
    </message>
</context>
<context>
    <name>ConflictDetail</name>
    <message>
        <source>Show in &amp;full</source>
        <translation>完整显示(&amp;F)</translation>
    </message>
    <message>
        <source>Personal data is masked; compare it in full only when needed.</source>
        <translation>个人信息已遮挡；仅在需要时完整比对。</translation>
    </message>
    <message>
        <source>&amp;Open the case file</source>
        <translation>打开案卷(&amp;O)</translation>
    </message>
    <message>
        <source>Look at the whole case before choosing</source>
        <translation>作出选择之前，先查看整个案件</translation>
    </message>
    <message>
        <source>Value on the city server</source>
        <translation>城市服务器上的值</translation>
    </message>
    <message>
        <source>&amp;Save this value</source>
        <translation>保存此值(&amp;S)</translation>
    </message>
    <message>
        <source>This computer&apos;s value</source>
        <translation>本机的值</translation>
    </message>
    <message>
        <source>The other computer&apos;s value</source>
        <translation>另一台电脑的值</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Typed at {time}</source>
        <translation>录入时间：{time}</translation>
    </message>
    <message>
        <source>Typed on this computer.</source>
        <translation>在本机录入。</translation>
    </message>
    <message>
        <source>Typed on another computer of this station.</source>
        <translation>在本驿站的另一台电脑上录入。</translation>
    </message>
    <message>
        <source>Recorded by the city server at {time}</source>
        <translation>城市服务器记录时间：{time}</translation>
    </message>
    <message>
        <source>The city server keeps this value until you choose.</source>
        <translation>在您作出选择之前，城市服务器暂用此值。</translation>
    </message>
    <message>
        <source>Keep this computer&apos;s value</source>
        <translation>保留本机的值</translation>
    </message>
    <message>
        <source>Use the other computer&apos;s value</source>
        <translation>采用另一台电脑的值</translation>
    </message>
    <message>
        <source>Keep the server&apos;s value</source>
        <translation>保留服务器的值</translation>
    </message>
    <message>
        <source>Change to…</source>
        <translation>修改为…</translation>
    </message>
    <message>
        <source>New value for “{field}”:</source>
        <translation>“{field}”的新值：</translation>
    </message>
    <message>
        <source>“{field}” was changed on two computers before they synced. Nothing is lost: the city server kept one value and set the other aside. Choose the right one.</source>
        <translation>两台电脑在同步之前都修改了“{field}”。数据没有丢失：城市服务器暂用其中一个值，另一个值已单独保存。请选择正确的值。</translation>
    </message>
    <message>
        <source>This record was deleted on one computer while another computer changed it. It is kept for now; choose whether it stays.</source>
        <translation>一台电脑删除了这条记录，而另一台电脑同时修改了它。记录暂时保留，请决定是否保留。</translation>
    </message>
    <message>
        <source>Deleted this record</source>
        <translation>删除了这条记录</translation>
    </message>
    <message>
        <source>Changed: {fields}</source>
        <translation>修改了：{fields}</translation>
    </message>
    <message>
        <source>Changed this record</source>
        <translation>修改了这条记录</translation>
    </message>
    <message>
        <source>The record is kept until you choose.</source>
        <translation>在您作出选择之前，这条记录保留。</translation>
    </message>
    <message>
        <source>Delete it anyway</source>
        <translation>仍然删除</translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation>保留此记录</translation>
    </message>
    <message>
        <source>This record was changed on one computer after another computer had deleted it. It stays deleted unless you restore it.</source>
        <translation>另一台电脑已删除这条记录后，又有一台电脑修改了它。除非您恢复，这条记录保持删除。</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>The record stays deleted until you choose.</source>
        <translation>在您作出选择之前，这条记录保持删除。</translation>
    </message>
    <message>
        <source>Restore this record</source>
        <translation>恢复此记录</translation>
    </message>
    <message>
        <source>Keep it deleted</source>
        <translation>保持删除</translation>
    </message>
    <message>
        <source>{field} “{value}” is also used by another record of this station. Both records are kept; keep both as they are, or give this one another value.</source>
        <translation>{field}“{value}”也被本驿站的另一条记录使用。两条记录都已保留；您可以两条都保留不变，或为这一条改用另一个值。</translation>
    </message>
    <message>
        <source>another record</source>
        <translation>另一条记录</translation>
    </message>
    <message>
        <source>Already used by {record}</source>
        <translation>已被{record}使用</translation>
    </message>
    <message>
        <source>Both records are kept until you choose.</source>
        <translation>在您作出选择之前，两条记录都保留。</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>两条都保留</translation>
    </message>
    <message>
        <source>Change the number…</source>
        <translation>修改编号…</translation>
    </message>
    <message>
        <source>Type the value to keep.</source>
        <translation>请填写要保留的值。</translation>
    </message>
</context>
<context>
    <name>ConflictsWindow</name>
    <message>
        <source>Deleted on one computer, changed on another</source>
        <translation>一台电脑删除，另一台电脑修改</translation>
    </message>
    <message>
        <source>Changed on one computer, deleted on another</source>
        <translation>一台电脑修改，另一台电脑删除</translation>
    </message>
    <message>
        <source>{field} used twice</source>
        <translation>{field}重复</translation>
    </message>
    <message>
        <source>Settle sync conflicts</source>
        <translation>处理同步冲突</translation>
    </message>
    <message>
        <source>The same data was changed on two computers of this station before they synced. For each conflict, choose which value is right; the choice is sent to the city server and reaches every computer.</source>
        <translation>本驿站的两台电脑在同步之前修改了同一项数据。请逐条选择正确的值；您的选择会发送到城市服务器，并同步到每一台电脑。</translation>
    </message>
    <message>
        <source>Case or record</source>
        <translation>案件或记录</translation>
    </message>
    <message>
        <source>What</source>
        <translation>冲突内容</translation>
    </message>
    <message>
        <source>Typed at</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>待处理的冲突</translation>
    </message>
    <message>
        <source>No conflicts wait to be settled.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
</context>
<context>
    <name>CorrectionBar</name>
    <message>
        <source>C&amp;orrect…</source>
        <translation>更正(&amp;O)…</translation>
    </message>
    <message>
        <source>Add &amp;worker…</source>
        <translation>添加工人(&amp;W)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve worker…</source>
        <translation>移除工人(&amp;V)…</translation>
    </message>
    <message>
        <source>Void case…</source>
        <translation>作废案件…</translation>
    </message>
    <message>
        <source>Choose the worker in the table first.</source>
        <translation>请先在表中选中该工人。</translation>
    </message>
    <message>
        <source>An agreement has taken effect: the workers are changed only by a new agreement that supersedes it (tab Agreement and payments).</source>
        <translation>调解协议已生效：工人名单只能通过订立新的调解协议取代原协议来变更（“协议与履行”页）。</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct the case</source>
        <translation>更正案件</translation>
    </message>
    <message>
        <source>&amp;Correct</source>
        <translation>更正(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Whose record</source>
        <translation>更正对象(&amp;W)</translation>
    </message>
    <message>
        <source>W&amp;hat</source>
        <translation>更正项目(&amp;E)</translation>
    </message>
    <message>
        <source>Now on file</source>
        <translation>现登记为</translation>
    </message>
    <message>
        <source>Correct &amp;value</source>
        <translation>正确内容(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reason for the correction</source>
        <translation>更正理由(&amp;R)</translation>
    </message>
    <message>
        <source>The timeline keeps the old and the new value (phones, ID numbers and bank accounts masked). Once an agreement has taken effect, the amounts claimed and the bank accounts are changed only by a new agreement that supersedes it.</source>
        <translation>办理记录保留更正前后的内容（手机号、身份证号、银行账号部分隐藏）。调解协议生效后，请求金额和银行账号只能通过订立新协议取代原协议来变更。</translation>
    </message>
    <message>
        <source>Worker: {name}</source>
        <translation>工人：{name}</translation>
    </message>
    <message>
        <source>Agent: {name}</source>
        <translation>委托代理人：{name}</translation>
    </message>
    <message>
        <source>{role}: {name}</source>
        <translation>{role}：{name}</translation>
    </message>
    <message>
        <source>The case: facts and reasons</source>
        <translation>本案：事实和理由</translation>
    </message>
    <message>
        <source>(kept back: type the correct number)</source>
        <translation>（不予显示：请输入正确的号码）</translation>
    </message>
</context>
<context>
    <name>CorrectionDialogs</name>
    <message>
        <source>{name} (no. {number} in the list)</source>
        <translation>{name}（名单第{number}位）</translation>
    </message>
</context>
<context>
    <name>CourtSettingsDialog</name>
    <message>
        <source>Court and minimum wage</source>
        <translation>法院和最低工资</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Basic-level &amp;court</source>
        <translation>基层人民法院(&amp;C)</translation>
    </message>
    <message>
        <source>Local monthly &amp;minimum wage (yuan)</source>
        <translation>当地月最低工资标准（元）(&amp;M)</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>全部在办</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>期限提醒</translation>
    </message>
    <message>
        <source>Nothing is due. Well done.</source>
        <translation>暂无到期事项，一切正常。</translation>
    </message>
    <message>
        <source>Workers still unpaid</source>
        <translation>尚未足额收款的工人</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>最近办理</translation>
    </message>
    <message>
        <source>Due soon, due today or overdue</source>
        <translation>即将到期、今日到期和已逾期</translation>
    </message>
    <message>
        <source>Workers still unpaid under an agreement</source>
        <translation>调解协议下尚未足额收款的工人</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Claimants</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>工人</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>应得金额</translation>
    </message>
    <message>
        <source>Still owed</source>
        <translation>尚欠金额</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Good morning. Today is {date}, {weekday}.</source>
        <translation>上午好！今天是{date}，{weekday}。</translation>
    </message>
    <message>
        <source>Good afternoon. Today is {date}, {weekday}.</source>
        <translation>下午好！今天是{date}，{weekday}。</translation>
    </message>
    <message>
        <source>Good evening. Today is {date}, {weekday}.</source>
        <translation>晚上好！今天是{date}，{weekday}。</translation>
    </message>
    <message>
        <source>Open cases: {open}. Deadlines needing attention: {due}, overdue: {overdue}.</source>
        <translation>在办案件{open}件；需关注的期限{due}项，其中已逾期{overdue}项。</translation>
    </message>
    <message>
        <source>{state}: {count}</source>
        <translation>{state}：{count}项</translation>
    </message>
    <message>
        <source>Workbench – {state}</source>
        <translation>工作台 – {state}</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>&amp;Issue document</source>
        <translation>出具文书(&amp;I)</translation>
    </message>
    <message>
        <source>Record &amp;service…</source>
        <translation>记录送达(&amp;S)…</translation>
    </message>
    <message>
        <source>A document reached a party: record how, and print its proof of service</source>
        <translation>文书已送达当事人：记录送达方式，并打印送达回证</translation>
    </message>
    <message>
        <source>Reprint se&amp;lected…</source>
        <translation>重新打印所选文书(&amp;L)…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Issued at</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>出具人</translation>
    </message>
    <message>
        <source>Each document is signed with the station&apos;s key and carries a QR code and a verification code. Reprints use the document as it was issued.</source>
        <translation>每份文书都以本站密钥进行数字签名，并印有二维码和验证码。重新打印时使用当初出具的原文书。</translation>
    </message>
    <message>
        <source>Only a mediator or the administrator makes a file of a document: it names the parties by their ID numbers. Print it for them instead.</source>
        <translation>文书载有当事人身份证号码，只有调解员或管理员可以导出为文件。请打印后交给当事人。</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>Letter</source>
        <translation>来信</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Forwarded by the national platform</source>
        <translation>平台转办</translation>
    </message>
    <message>
        <source>For a dispute about {category} the amount must be more than zero.</source>
        <translation>“{category}”类争议的请求金额必须大于零。</translation>
    </message>
    <message>
        <source>Unpaid wages</source>
        <translation>拖欠工资</translation>
    </message>
    <message>
        <source>Overtime pay</source>
        <translation>加班费</translation>
    </message>
    <message>
        <source>Social insurance</source>
        <translation>社会保险</translation>
    </message>
    <message>
        <source>Contract termination or compensation</source>
        <translation>解除合同/补偿</translation>
    </message>
    <message>
        <source>Work injury</source>
        <translation>工伤</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Employment continues</source>
        <translation>劳动关系存续</translation>
    </message>
    <message>
        <source>Employment has ended</source>
        <translation>劳动关系已终止</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>尚不清楚</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>In mediation</source>
        <translation>调解中</translation>
    </message>
    <message>
        <source>Agreement reached</source>
        <translation>达成调解协议</translation>
    </message>
    <message>
        <source>Mediation failed</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Referred to arbitration</source>
        <translation>已移送仲裁</translation>
    </message>
    <message>
        <source>Referred to labour inspection</source>
        <translation>已移送劳动保障监察</translation>
    </message>
    <message>
        <source>Sent to court for a payment order</source>
        <translation>已申请支付令</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Start mediation</source>
        <translation>开始调解</translation>
    </message>
    <message>
        <source>Record agreement</source>
        <translation>达成调解协议</translation>
    </message>
    <message>
        <source>Record mediation failure</source>
        <translation>调解不成</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Refer to arbitration</source>
        <translation>移送仲裁</translation>
    </message>
    <message>
        <source>Refer to labour inspection</source>
        <translation>移送劳动保障监察</translation>
    </message>
    <message>
        <source>Send to court for a payment order</source>
        <translation>申请支付令</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>A case that is &quot;{status}&quot; cannot be given the action &quot;{action}&quot;.</source>
        <translation>案件当前状态为“{status}”，不能执行“{action}”。</translation>
    </message>
    <message>
        <source>Mediation session recorded</source>
        <translation>记录调解会</translation>
    </message>
    <message>
        <source>Minutes signed by the parties</source>
        <translation>当事人在调解笔录上签字</translation>
    </message>
    <message>
        <source>Correction added to signed minutes</source>
        <translation>对已签字笔录增加更正</translation>
    </message>
    <message>
        <source>Mediation period extended with both parties&apos; consent</source>
        <translation>经双方同意延长调解期限</translation>
    </message>
    <message>
        <source>Limitation facts recorded</source>
        <translation>登记仲裁时效情况</translation>
    </message>
    <message>
        <source>Attachment added</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Agreement terms drafted</source>
        <translation>起草调解协议条款</translation>
    </message>
    <message>
        <source>Agreement signed</source>
        <translation>调解协议签字</translation>
    </message>
    <message>
        <source>Station seal applied to the agreement</source>
        <translation>调解协议加盖调解组织印章</translation>
    </message>
    <message>
        <source>Employer&apos;s seal applied to the agreement</source>
        <translation>用人单位已在调解协议上盖章</translation>
    </message>
    <message>
        <source>Agreement took effect</source>
        <translation>调解协议生效</translation>
    </message>
    <message>
        <source>Agreement superseded by a new one</source>
        <translation>原调解协议被新协议取代</translation>
    </message>
    <message>
        <source>Payment recorded</source>
        <translation>登记付款</translation>
    </message>
    <message>
        <source>Parties intend to apply for arbitral review</source>
        <translation>双方拟申请仲裁审查</translation>
    </message>
    <message>
        <source>Joint application for arbitral review made</source>
        <translation>双方已共同申请仲裁审查</translation>
    </message>
    <message>
        <source>Arbitral mediation document received</source>
        <translation>收到仲裁调解书</translation>
    </message>
    <message>
        <source>Written notice of refusal served</source>
        <translation>不予受理通知书已送达</translation>
    </message>
    <message>
        <source>Document issued</source>
        <translation>出具文书</translation>
    </message>
    <message>
        <source>Document printed</source>
        <translation>打印文书</translation>
    </message>
    <message>
        <source>Document exported</source>
        <translation>导出文书</translation>
    </message>
    <message>
        <source>Document served</source>
        <translation>文书已送达</translation>
    </message>
    <message>
        <source>Oral application record signed by the applicant</source>
        <translation>申请人已在口头申请笔录上签名</translation>
    </message>
    <message>
        <source>Sync conflict settled</source>
        <translation>处理同步冲突</translation>
    </message>
    <message>
        <source>Case corrected</source>
        <translation>更正案件信息</translation>
    </message>
    <message>
        <source>Worker added</source>
        <translation>添加工人</translation>
    </message>
    <message>
        <source>Worker removed</source>
        <translation>移除工人</translation>
    </message>
    <message>
        <source>Case voided</source>
        <translation>案件作废</translation>
    </message>
    <message>
        <source>Complaint registered</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Mediation started</source>
        <translation>开始调解</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Decide on acceptance</source>
        <translation>受理审查期限</translation>
    </message>
    <message>
        <source>Written notice of refusal</source>
        <translation>书面告知不予受理</translation>
    </message>
    <message>
        <source>Mediation period (15 days)</source>
        <translation>调解期限（15日）</translation>
    </message>
    <message>
        <source>Mediation period (extended)</source>
        <translation>调解期限（已延长）</translation>
    </message>
    <message>
        <source>3-day quick-close target</source>
        <translation>三日销案目标</translation>
    </message>
    <message>
        <source>Limitation for arbitration</source>
        <translation>仲裁时效</translation>
    </message>
    <message>
        <source>Limitation for arbitration (wages: none while employment continues)</source>
        <translation>仲裁时效（劳动报酬：劳动关系存续期间不受限制）</translation>
    </message>
    <message>
        <source>Limitation for arbitration (running again)</source>
        <translation>仲裁时效（重新计算）</translation>
    </message>
    <message>
        <source>Joint application for arbitral review</source>
        <translation>共同申请仲裁审查</translation>
    </message>
    <message>
        <source>Joint application for judicial confirmation</source>
        <translation>共同申请司法确认</translation>
    </message>
    <message>
        <source>Court to issue the payment order</source>
        <translation>法院发出支付令</translation>
    </message>
    <message>
        <source>Debtor to pay or object to the payment order</source>
        <translation>债务人清偿或提出异议</translation>
    </message>
    <message>
        <source>Committee to accept the arbitration application</source>
        <translation>仲裁委决定是否受理</translation>
    </message>
    <message>
        <source>Arbitral award (45 + 15 days)</source>
        <translation>仲裁裁决（45日+延长15日）</translation>
    </message>
    <message>
        <source>Arbitral award (45 days)</source>
        <translation>仲裁裁决（45日）</translation>
    </message>
    <message>
        <source>Labour inspection to accept the complaint</source>
        <translation>劳动监察决定是否立案</translation>
    </message>
    <message>
        <source>Labour inspection (60 + 30 working days)</source>
        <translation>劳动监察办结（60+30个工作日）</translation>
    </message>
    <message>
        <source>Labour inspection (60 working days)</source>
        <translation>劳动监察办结（60个工作日）</translation>
    </message>
    <message>
        <source>Answer the city on the clue</source>
        <translation>向市局反馈线索办理结果</translation>
    </message>
    <message>
        <source>Next instalment</source>
        <translation>下一期付款</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Enter the ID number.</source>
        <translation>请填写身份证号码。</translation>
    </message>
    <message>
        <source>This is an old 15-digit ID number. Enter the 18-character number from the current ID card.</source>
        <translation>这是旧版15位身份证号码，请填写现行居民身份证上的18位号码。</translation>
    </message>
    <message>
        <source>An ID number must have 18 characters, this has {length}.</source>
        <translation>身份证号码应为18位，当前为{length}位。</translation>
    </message>
    <message>
        <source>The first 17 characters of an ID number must be digits.</source>
        <translation>身份证号码前17位应为数字。</translation>
    </message>
    <message>
        <source>The last character of an ID number must be a digit or X.</source>
        <translation>身份证号码最后一位应为数字或X。</translation>
    </message>
    <message>
        <source>Digits 7 to 14 of this ID number are not a real date of birth.</source>
        <translation>该身份证号码第7至14位不是有效的出生日期。</translation>
    </message>
    <message>
        <source>The date of birth in this ID number is before 1900.</source>
        <translation>该身份证号码中的出生日期早于1900年。</translation>
    </message>
    <message>
        <source>The date of birth in this ID number is in the future.</source>
        <translation>该身份证号码中的出生日期晚于今天。</translation>
    </message>
    <message>
        <source>The last character should be {expected}. Check every digit against the ID card.</source>
        <translation>校验位应为{expected}，请对照身份证逐位核对。</translation>
    </message>
    <message>
        <source>Enter the unified social credit code.</source>
        <translation>请填写统一社会信用代码。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters, this has {length}.</source>
        <translation>统一社会信用代码应为18位，当前为{length}位。</translation>
    </message>
    <message>
        <source>&quot;{character}&quot; cannot appear in a credit code: only digits and capital letters other than I, O, S, V and Z are used.</source>
        <translation>统一社会信用代码中不能出现“{character}”：只能使用数字和除I、O、S、V、Z以外的大写字母。</translation>
    </message>
    <message>
        <source>Characters 3 to 8 of a credit code are the region code and must be digits.</source>
        <translation>统一社会信用代码第3至8位为行政区划码，应为数字。</translation>
    </message>
    <message>
        <source>The last character should be {expected}. Check the code against the business licence; if the licence really shows this code, give the reason to accept it.</source>
        <translation>校验位应为{expected}，请对照营业执照核对；如营业执照上确为此代码，请填写保留理由。</translation>
    </message>
    <message>
        <source>Enter the mobile number.</source>
        <translation>请填写手机号码。</translation>
    </message>
    <message>
        <source>A mobile number may contain only digits, spaces and dashes.</source>
        <translation>手机号码只能包含数字、空格和短横线。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits, this has {length}.</source>
        <translation>手机号码应为11位，当前为{length}位。</translation>
    </message>
    <message>
        <source>A mobile number starts with 13 to 19; check the first two digits.</source>
        <translation>手机号码应以13至19开头，请核对前两位。</translation>
    </message>
    <message>
        <source>A landline is the area code and a 7 or 8 digit number, e.g. 0530-5123456.</source>
        <translation>固定电话应为区号加7位或8位号码，例如0530-5123456。</translation>
    </message>
    <message>
        <source>Enter the amount.</source>
        <translation>请填写金额。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>Commas may only separate groups of three digits, as in 3,800.50.</source>
        <translation>逗号只能用于每三位数字分隔，如3,800.50。</translation>
    </message>
    <message>
        <source>Enter the amount in figures, for example 3800 or 3,800.50.</source>
        <translation>请用阿拉伯数字填写金额，如3800或3,800.50。</translation>
    </message>
    <message>
        <source>The amount cannot be more than {maximum}.</source>
        <translation>金额不能超过{maximum}。</translation>
    </message>
    <message>
        <source>An amount can have at most 2 decimal places (jiao and fen).</source>
        <translation>金额最多保留两位小数（角、分）。</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>金额应大于零。</translation>
    </message>
    <message>
        <source>Company or organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Individual (e.g. unlicensed labour boss)</source>
        <translation>个人（包工头）</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>General contractor</source>
        <translation>总承包单位</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>At most {max_length} characters are allowed; this has {length}.</source>
        <translation>最多可填写{max_length}个字，当前为{length}个字。</translation>
    </message>
    <message>
        <source>The documents cannot print “{characters}”: the document font has no such character, so a printed copy would show an empty box. Use the common form of the character, or leave it out.</source>
        <translation>文书无法打印“{characters}”：文书字体中没有该字符，打印件上会显示为空框。请改用该字的通用写法，或删去该字符。</translation>
    </message>
    <message>
        <source>This case no longer exists.</source>
        <translation>该案件已不存在。</translation>
    </message>
    <message>
        <source>Please choose one.</source>
        <translation>请选择一项。</translation>
    </message>
    <message>
        <source>This case names no general contractor; choose the respondent.</source>
        <translation>本案未列明总承包单位，请选择被申请人为付款方。</translation>
    </message>
    <message>
        <source>This worker is not a claimant of the case.</source>
        <translation>该工人不是本案申请人。</translation>
    </message>
    <message>
        <source>Enter what each worker receives.</source>
        <translation>请填写每名工人应得的金额。</translation>
    </message>
    <message>
        <source>A worker is listed twice.</source>
        <translation>有工人被重复列出。</translation>
    </message>
    <message>
        <source>Please enter a date.</source>
        <translation>请填写日期。</translation>
    </message>
    <message>
        <source>Between 1 and {maximum} originals.</source>
        <translation>协议份数应在 1 到 {maximum} 份之间。</translation>
    </message>
    <message>
        <source>The medical costs cannot be more than the agreed total {total}.</source>
        <translation>工伤医疗费不能超过协议总额{total}。</translation>
    </message>
    <message>
        <source>This case is &quot;{status}&quot;; an agreement is made during mediation.</source>
        <translation>本案状态为“{status}”，调解协议应在调解期间订立。</translation>
    </message>
    <message>
        <source>This agreement no longer exists.</source>
        <translation>该调解协议已不存在。</translation>
    </message>
    <message>
        <source>This agreement is in effect and cannot change; draft a new one.</source>
        <translation>该协议已生效，不能修改；如需变更请另订新协议。</translation>
    </message>
    <message>
        <source>Choose the worker this signature is for.</source>
        <translation>请选择签字所对应的工人。</translation>
    </message>
    <message>
        <source>{name} is not an elected representative.</source>
        <translation>{name}不是推选的代表。</translation>
    </message>
    <message>
        <source>{name} has already signed.</source>
        <translation>{name}已经签过字。</translation>
    </message>
    <message>
        <source>{name} is an individual employer: there is no seal, the employer signs.</source>
        <translation>{name}是自然人用工主体，没有印章，由本人签名。</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>该日期晚于今天，请核对。</translation>
    </message>
    <message>
        <source>Add at least one worker.</source>
        <translation>请至少添加一名劳动者。</translation>
    </message>
    <message>
        <source>At most {limit} workers fit in one case.</source>
        <translation>一个案件最多登记{limit}名劳动者。</translation>
    </message>
    <message>
        <source>The same ID number is already in row {row}.</source>
        <translation>第{row}行已有相同的身份证号码。</translation>
    </message>
    <message>
        <source>A collective case (10 or more workers) elects 3 to 5 representatives; {count} are marked.</source>
        <translation>集体劳动争议案件（劳动者10人以上）应推举3至5名代表，当前勾选了{count}名。</translation>
    </message>
    <message>
        <source>Representatives are elected only in collective cases of 10 or more workers.</source>
        <translation>只有劳动者10人以上的集体劳动争议案件才推举代表。</translation>
    </message>
    <message>
        <source>An agent is named for a case of one worker; several workers act through representatives.</source>
        <translation>委托代理人仅适用于单人案件；多名劳动者由推举的代表参加调解。</translation>
    </message>
    <message>
        <source>This case was voided; it is kept as it was and is not corrected.</source>
        <translation>本案已作废，按原样保存，不再更正。</translation>
    </message>
    <message>
        <source>An agreement has taken effect on this case: the workers and their claims are fixed. Change them with a new agreement that supersedes it (&quot;Agreement and payments&quot; tab).</source>
        <translation>本案调解协议已生效，工人及其请求金额不能再改动。如需变更，请订立新的调解协议取代原协议（“协议与履行”页）。</translation>
    </message>
    <message>
        <source>This worker is no longer on the case.</source>
        <translation>该工人已不在本案中。</translation>
    </message>
    <message>
        <source>This respondent is no longer on the case.</source>
        <translation>该被申请人已不在本案中。</translation>
    </message>
    <message>
        <source>This agent is no longer named on the case.</source>
        <translation>本案已无该委托代理人。</translation>
    </message>
    <message>
        <source>This ID number is on file as {name}. Check the name or the ID number.</source>
        <translation>该身份证号码已登记为“{name}”，请核对姓名或身份证号码。</translation>
    </message>
    <message>
        <source>Only a company has a credit code.</source>
        <translation>只有单位才有统一社会信用代码。</translation>
    </message>
    <message>
        <source>Only a labour boss has an ID number.</source>
        <translation>只有包工头（自然人）才有身份证号。</translation>
    </message>
    <message>
        <source>This cannot be corrected here.</source>
        <translation>此项不能在这里更正。</translation>
    </message>
    <message>
        <source>This is what the case already says.</source>
        <translation>与现登记内容相同，无需更正。</translation>
    </message>
    <message>
        <source>A collective case (10 or more workers) elects 3 to 5 representatives; {count} would be left.</source>
        <translation>集体争议（10人以上）须推选3至5名代表，这样只剩{count}名。</translation>
    </message>
    <message>
        <source>This worker is already on the case.</source>
        <translation>该工人已在本案中。</translation>
    </message>
    <message>
        <source>A case keeps at least one worker; a case registered by mistake is voided instead.</source>
        <translation>案件至少要有一名工人；误登记的案件请作废。</translation>
    </message>
    <message>
        <source>A case that is &quot;{status}&quot; cannot be voided: an agreement binds the parties, or another body holds the case. Only a case registered by mistake is voided.</source>
        <translation>处于“{status}”状态的案件不能作废：调解协议已对双方生效，或案件已移交其他机关。只有误登记的案件才能作废。</translation>
    </message>
    <message>
        <source>This code or ID number is on file as {name}. Check the name or the number.</source>
        <translation>该代码或身份证号码已登记为“{name}”，请核对名称或号码。</translation>
    </message>
    <message>
        <source>The general contractor must be a different company from the employer named above.</source>
        <translation>总承包单位应与上面填写的用人单位不是同一家单位。</translation>
    </message>
    <message>
        <source>Worker {name} already has this case, whose agreement is not yet fully performed.</source>
        <translation>劳动者{name}已有此案件，其调解协议尚未履行完毕。</translation>
    </message>
    <message>
        <source>Employer {name} already has this case, whose agreement is not yet fully performed.</source>
        <translation>用人单位{name}已有此案件，其调解协议尚未履行完毕。</translation>
    </message>
    <message>
        <source>Name the construction project that the general contractor is responsible for.</source>
        <translation>请填写总承包单位承建的工程项目名称。</translation>
    </message>
    <message>
        <source>At most {limit} pieces of evidence can be listed.</source>
        <translation>最多可列{limit}项证据。</translation>
    </message>
    <message>
        <source>Worker {name} already has this open case.</source>
        <translation>劳动者{name}已有此在办案件。</translation>
    </message>
    <message>
        <source>Employer {name} already has this open case.</source>
        <translation>用人单位{name}已有此在办案件。</translation>
    </message>
    <message>
        <source>The data file {path} was written by a newer version of heze-station (schema {revision}). Install the newer version to open it; the file has not been changed.</source>
        <translation>数据文件 {path} 由更高版本的本程序写入（数据结构版本{revision}），请安装新版本后再打开。该文件未作任何改动。</translation>
    </message>
    <message>
        <source>The data file {path} is damaged or is not a heze-station database, so it cannot be opened. Restore it from a backup or ask the city bureau for help; the file has not been changed.</source>
        <translation>数据文件 {path} 已损坏或不是本程序的数据库，无法打开。请从备份恢复，或联系市局协助处理。该文件未作任何改动。</translation>
    </message>
    <message>
        <source>The data file {path} could not be encrypted: its encrypted copy could not be written whole. The file has been left as it was; try again, and ask the city bureau for help if this repeats.</source>
        <translation>数据文件 {path} 未能加密：加密副本未能完整写入。该文件保持原样；请重试，如再次出现请联系市局协助处理。</translation>
    </message>
    <message>
        <source>The data file {path} is to be encrypted, and another window of heze-station (or another program) has it open. Close it, then try again; the file has not been changed.</source>
        <translation>数据文件 {path} 即将加密，但另一个菏谐驿站窗口（或其他程序）正打开着它。请先关闭它，然后重试。该文件未作任何改动。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>This employer or project no longer exists.</source>
        <translation>该用人单位或工程项目已不存在。</translation>
    </message>
    <message>
        <source>Say what they were asked to put right.</source>
        <translation>请写明要求整改的内容。</translation>
    </message>
    <message>
        <source>Ledger of employers and projects</source>
        <translation>用人单位和工程项目台账</translation>
    </message>
    <message>
        <source>Employers</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>工程项目</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>风险原因</translation>
    </message>
    <message>
        <source>Complaints within 90 days</source>
        <translation>90天内投诉</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>Open collective cases</source>
        <translation>在办集体争议</translation>
    </message>
    <message>
        <source>Agreements in default</source>
        <translation>逾期协议</translation>
    </message>
    <message>
        <source>Arrears outstanding (yuan)</source>
        <translation>欠薪未清（元）</translation>
    </message>
    <message>
        <source>Latest follow-up</source>
        <translation>最近跟进</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <source>Followed up by</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <source>Follow-up note</source>
        <translation>跟进情况</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Employer&apos;s ID number</source>
        <translation>被申请人身份证号码</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>工程项目</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>案情</translation>
    </message>
    <message>
        <source>Workers involved</source>
        <translation>涉及劳动者人数</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Post held</source>
        <translation>工种/岗位</translation>
    </message>
    <message>
        <source>Address for service</source>
        <translation>送达地址</translation>
    </message>
    <message>
        <source>Amount claimed</source>
        <translation>请求金额</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Scope of the authorisation</source>
        <translation>委托权限</translation>
    </message>
    <message>
        <source>Facts and reasons</source>
        <translation>事实与理由</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>{who} joined the case. Reason: {reason}</source>
        <translation>{who}加入本案。理由：{reason}</translation>
    </message>
    <message>
        <source>{who} left the case. Reason: {reason}</source>
        <translation>{who}退出本案。理由：{reason}</translation>
    </message>
    <message>
        <source>{field} corrected from “{old}” to “{new}”. Reason: {reason}</source>
        <translation>{field}由“{old}”更正为“{new}”。理由：{reason}</translation>
    </message>
    <message>
        <source>{who}: {field} corrected from “{old}” to “{new}”. Reason: {reason}</source>
        <translation>{who}：{field}由“{old}”更正为“{new}”。理由：{reason}</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>工种/岗位</translation>
    </message>
    <message>
        <source>Address for documents</source>
        <translation>送达地址</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Old Excel files (.xls) cannot be read. Open the file in Excel or WPS, save it as an Excel workbook (.xlsx), and import that.</source>
        <translation>无法读取旧版 Excel 文件（.xls）。请用 Excel 或 WPS 打开该文件，另存为 Excel 工作簿（.xlsx）后再导入。</translation>
    </message>
    <message>
        <source>Choose an Excel workbook (.xlsx) or a CSV file (.csv).</source>
        <translation>请选择 Excel 工作簿（.xlsx）或 CSV 文件（.csv）。</translation>
    </message>
    <message>
        <source>The file is {size} MB; a roster may be at most {limit} MB.</source>
        <translation>该文件大小为 {size} MB，花名册最大不能超过 {limit} MB。</translation>
    </message>
    <message>
        <source>This workbook is protected by a password or is in the old .xls format. Open it in Excel or WPS, remove the password, save it as an Excel workbook (.xlsx), and import that.</source>
        <translation>该工作簿设有密码保护，或是旧版 .xls 格式。请用 Excel 或 WPS 打开，取消密码，另存为 Excel 工作簿（.xlsx）后再导入。</translation>
    </message>
    <message>
        <source>The file could not be opened: {reason}</source>
        <translation>无法打开该文件：{reason}</translation>
    </message>
    <message>
        <source>This file is not an Excel workbook that can be read (it may be a Word file or damaged). Open it in Excel or WPS, save it as an Excel workbook (.xlsx), and import that.</source>
        <translation>该文件不是可读取的 Excel 工作簿（可能是 Word 文件，或文件已损坏）。请用 Excel 或 WPS 打开，另存为 Excel 工作簿（.xlsx）后再导入。</translation>
    </message>
    <message>
        <source>This CSV file is damaged. Save it again from Excel or WPS.</source>
        <translation>该 CSV 文件已损坏，请用 Excel 或 WPS 重新保存。</translation>
    </message>
    <message>
        <source>This is not a CSV text file. Choose the roster saved as .xlsx or as CSV from Excel or WPS.</source>
        <translation>该文件不是 CSV 文本文件。请选择用 Excel 或 WPS 保存的 .xlsx 或 CSV 格式的花名册。</translation>
    </message>
    <message>
        <source>The characters in this CSV file cannot be read. Save it from Excel or WPS as CSV (UTF-8) or as .xlsx.</source>
        <translation>无法识别该 CSV 文件的文字编码。请用 Excel 或 WPS 另存为 CSV（UTF-8）或 .xlsx 格式。</translation>
    </message>
    <message>
        <source>The spreadsheet is empty.</source>
        <translation>该表格是空的。</translation>
    </message>
    <message>
        <source>No heading row was found in the first {count} rows. The roster needs a row of column headings with 姓名, 身份证号 and 金额; the roster template shows them.</source>
        <translation>前 {count} 行中没有找到表头行。花名册需要一行列标题，包括“姓名”“身份证号”和“金额”，可参照花名册模板。</translation>
    </message>
    <message>
        <source>Row {row} holds the column headings, but no column is headed {column}. Add that column or rename its heading, as in the roster template.</source>
        <translation>第 {row} 行是表头，但没有“{column}”列。请参照花名册模板添加该列或修改列标题。</translation>
    </message>
    <message>
        <source>The roster has more than {limit} workers, more than one case can hold. Split it into several rosters, one for each case.</source>
        <translation>花名册超过 {limit} 人，超出一个案件可容纳的人数。请按案件拆分为多个花名册。</translation>
    </message>
    <message>
        <source>Row {row} holds the column headings, but no workers are listed below it.</source>
        <translation>第 {row} 行是表头，但其下方没有工人名单。</translation>
    </message>
    <message>
        <source>This cell is merged with row {rows}: unmerge it and enter each worker&apos;s own {column}.</source>
        <translation>此单元格与第{rows}行合并，请取消合并，每人分别填写{column}。</translation>
    </message>
    <message>
        <source>Excel stored this ID number as a number ({shown}) and kept only 15 digits, so the last digits are lost. Format the column as text and type the number again from the ID card.</source>
        <translation>Excel 把这个身份证号码存成了数字（{shown}），只保留 15 位有效数字，末几位已经丢失。请把该列设置为“文本”格式，再对照身份证重新录入。</translation>
    </message>
    <message>
        <source>This is the template&apos;s example row: delete it.</source>
        <translation>这是模板中的示例行，请删除。</translation>
    </message>
    <message>
        <source>Excel stored this account number as a number ({shown}) and kept only 15 digits, so the last digits are lost. Format the column as text and type the number again from the bank card.</source>
        <translation>Excel 把这个账号存成了数字（{shown}），只保留了15位，后几位已丢失。请把该列设置为文本格式，再对照银行卡重新输入账号。</translation>
    </message>
    <message>
        <source>Mark a representative with 是 (or √, Y) and leave the others empty; &quot;{mark}&quot; is not clear.</source>
        <translation>代表请填“是”（或 √、Y），其他人留空；“{mark}”无法识别。</translation>
    </message>
    <message>
        <source>The same ID number is also in row {rows}.</source>
        <translation>第{rows}行也有相同的身份证号码。</translation>
    </message>
    <message>
        <source>The respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>The general contractor (pays first)</source>
        <translation>总承包单位（先行清偿）</translation>
    </message>
    <message>
        <source>Bank transfer to the worker&apos;s own account</source>
        <translation>银行转账至工人本人账户</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>工人本人</translation>
    </message>
    <message>
        <source>Authorised agent</source>
        <translation>特别授权代理人</translation>
    </message>
    <message>
        <source>Workers&apos; representative</source>
        <translation>工人代表</translation>
    </message>
    <message>
        <source>Employer&apos;s handler</source>
        <translation>用人单位经办人</translation>
    </message>
    <message>
        <source>General contractor&apos;s handler</source>
        <translation>施工总承包单位经办人</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>协调员</translation>
    </message>
    <message>
        <source>Mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>The city bureau has blocked this computer (for example after it was reported lost). Only the station&apos;s administrator can sign in now, to enrol it again; all records on it are kept.</source>
        <translation>市局已停用这台电脑（例如在报失之后）。现在只有本站管理员可以登录，以便重新加入城市同步；电脑上的所有记录均已保留。</translation>
    </message>
    <message>
        <source>Please enter a login.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <source>A login is 2 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit.</source>
        <translation>登录名为 2 至 32 位英文字母、数字、点、短横线或下划线，以字母或数字开头。</translation>
    </message>
    <message>
        <source>Please enter a password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>A password has at least {count} characters.</source>
        <translation>密码至少 {count} 位。</translation>
    </message>
    <message>
        <source>A password has at most {count} characters.</source>
        <translation>密码最多 {count} 位。</translation>
    </message>
    <message>
        <source>{weakness} Choose a longer one: a few words or a short sentence is easier to remember than symbols, and harder to guess.</source>
        <translation>{weakness}请换一个更长的密码：几个词或一句短话比符号好记，也更难被猜到。</translation>
    </message>
    <message>
        <source>It is built on the login, the person&apos;s name or the station&apos;s name.</source>
        <translation>这个密码以登录名、本人姓名或驿站名称为基础。</translation>
    </message>
    <message>
        <source>Names of people and places in pinyin (such as wangjing, heze) are among the first guesses.</source>
        <translation>拼音的人名、地名（例如 wangjing、heze）会被最先猜到。</translation>
    </message>
    <message>
        <source>It is one of the passwords people use most, tried first.</source>
        <translation>这是最常用的密码之一，会被最先猜到。</translation>
    </message>
    <message>
        <source>Repeated characters (such as 888 or abcabc) are easily guessed.</source>
        <translation>重复的字符（例如 888、abcabc）很容易被猜到。</translation>
    </message>
    <message>
        <source>Runs of characters or of neighbouring keys (such as 1234, abcd or qwer) are easily guessed.</source>
        <translation>连续的字符或键盘上相邻的键（例如 1234、abcd、qwer）很容易被猜到。</translation>
    </message>
    <message>
        <source>Dates and years are easily guessed.</source>
        <translation>日期和年份很容易被猜到。</translation>
    </message>
    <message>
        <source>This password is easily guessed.</source>
        <translation>这个密码很容易被猜到。</translation>
    </message>
    <message>
        <source>Each party and the mediation body keep an original: the agreement needs at least {count}.</source>
        <translation>各方当事人和调解组织各执一份原件：协议书至少需要{count}份。</translation>
    </message>
    <message>
        <source>Draft, not yet in effect</source>
        <translation>草稿，尚未生效</translation>
    </message>
    <message>
        <source>In effect</source>
        <translation>已生效</translation>
    </message>
    <message>
        <source>Superseded by a later agreement</source>
        <translation>已被新协议取代</translation>
    </message>
    <message>
        <source>Add at least one instalment: when and how much.</source>
        <translation>请至少填写一期付款：日期和金额。</translation>
    </message>
    <message>
        <source>An agreement can have at most {maximum} instalments.</source>
        <translation>一份协议最多 {maximum} 期付款。</translation>
    </message>
    <message>
        <source>Instalment {number} is due on {due}, before the agreement date {agreed}.</source>
        <translation>第{number}期付款日期 {due} 早于协议日期 {agreed}。</translation>
    </message>
    <message>
        <source>Instalment {number} must fall due after instalment {previous}.</source>
        <translation>第{number}期的付款日期应晚于第{previous}期。</translation>
    </message>
    <message>
        <source>The instalments add up to {scheduled}, but the agreed total is {total}.</source>
        <translation>各期金额合计 {scheduled}，与协议总额 {total} 不符。</translation>
    </message>
    <message>
        <source>{name} joined the case after this draft was saved: edit the draft and save it again.</source>
        <translation>{name}在本草稿保存后加入案件：请编辑草稿并重新保存。</translation>
    </message>
    <message>
        <source>{name} has left the case but is still in this draft: edit the draft and save it again.</source>
        <translation>{name}已退出案件，但仍在本草稿中：请编辑草稿并重新保存。</translation>
    </message>
    <message>
        <source>{name} has not signed (in person or through an authorised agent).</source>
        <translation>{name}尚未签字（本人或特别授权代理人）。</translation>
    </message>
    <message>
        <source>The employer&apos;s handler has not signed.</source>
        <translation>用人单位经办人尚未签字。</translation>
    </message>
    <message>
        <source>The employer&apos;s own seal has not been recorded.</source>
        <translation>用人单位尚未盖章。</translation>
    </message>
    <message>
        <source>The general contractor&apos;s handler has not signed.</source>
        <translation>施工总承包单位经办人尚未签字。</translation>
    </message>
    <message>
        <source>No mediator has signed.</source>
        <translation>调解员尚未签字。</translation>
    </message>
    <message>
        <source>The station&apos;s seal has not been applied.</source>
        <translation>尚未加盖调解组织印章。</translation>
    </message>
    <message>
        <source>Enter the worker&apos;s bank account number.</source>
        <translation>请填写工人本人的银行账号。</translation>
    </message>
    <message>
        <source>A bank account number has 10 to 30 digits.</source>
        <translation>银行账号应为 10 到 30 位数字。</translation>
    </message>
    <message>
        <source>At the station</source>
        <translation>在驿站</translation>
    </message>
    <message>
        <source>On the construction site (mobile court)</source>
        <translation>在施工现场（流动仲裁庭）</translation>
    </message>
    <message>
        <source>Elsewhere</source>
        <translation>其他地点</translation>
    </message>
    <message>
        <source>Worker&apos;s statement</source>
        <translation>申请人陈述</translation>
    </message>
    <message>
        <source>Employer&apos;s statement</source>
        <translation>被申请人陈述</translation>
    </message>
    <message>
        <source>Mediator&apos;s proposal</source>
        <translation>调解员提出的方案</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>Payment receipt</source>
        <translation>付款凭证</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Arbitral mediation document</source>
        <translation>仲裁调解书</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>部分支付</translation>
    </message>
    <message>
        <source>Payment order</source>
        <translation>支付令</translation>
    </message>
    <message>
        <source>Judicial confirmation</source>
        <translation>司法确认</translation>
    </message>
    <message>
        <source>Arbitration</source>
        <translation>劳动仲裁</translation>
    </message>
    <message>
        <source>Labour inspection</source>
        <translation>劳动保障监察</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付清</translation>
    </message>
    <message>
        <source>Objection: goes to litigation</source>
        <translation>债务人提出异议：转入诉讼</translation>
    </message>
    <message>
        <source>Objection: goes to arbitration</source>
        <translation>债务人提出异议：申请仲裁</translation>
    </message>
    <message>
        <source>Enforcement applied for</source>
        <translation>已申请强制执行</translation>
    </message>
    <message>
        <source>Agreement confirmed</source>
        <translation>裁定确认协议有效</translation>
    </message>
    <message>
        <source>Confirmation refused</source>
        <translation>裁定驳回申请</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Award made</source>
        <translation>已作出裁决</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>已调解或已支付</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Payment order applied for at the court</source>
        <translation>已向法院申请支付令</translation>
    </message>
    <message>
        <source>Payment order issued by the court</source>
        <translation>法院已发出支付令</translation>
    </message>
    <message>
        <source>Payment order served on the debtor</source>
        <translation>支付令已送达债务人</translation>
    </message>
    <message>
        <source>Payment order outcome</source>
        <translation>支付令结果</translation>
    </message>
    <message>
        <source>Joint application for judicial confirmation made</source>
        <translation>已共同申请司法确认</translation>
    </message>
    <message>
        <source>Court&apos;s ruling on confirmation</source>
        <translation>法院司法确认裁定</translation>
    </message>
    <message>
        <source>Referral received by the committee</source>
        <translation>仲裁委已收到仲裁申请</translation>
    </message>
    <message>
        <source>Arbitration application accepted</source>
        <translation>仲裁委已受理</translation>
    </message>
    <message>
        <source>Arbitration period extended</source>
        <translation>仲裁审理期限已延长</translation>
    </message>
    <message>
        <source>Arbitration outcome</source>
        <translation>仲裁结果</translation>
    </message>
    <message>
        <source>Complaint received by labour inspection</source>
        <translation>劳动监察已收到投诉</translation>
    </message>
    <message>
        <source>Labour inspection opened a case</source>
        <translation>劳动监察已立案</translation>
    </message>
    <message>
        <source>Labour inspection period extended</source>
        <translation>劳动监察办案期限已延长</translation>
    </message>
    <message>
        <source>Labour inspection outcome</source>
        <translation>劳动监察结果</translation>
    </message>
    <message>
        <source>Parties intend to apply for judicial confirmation</source>
        <translation>双方拟申请司法确认</translation>
    </message>
    <message>
        <source>In default</source>
        <translation>逾期未付</translation>
    </message>
    <message>
        <source>Being performed</source>
        <translation>履行中</translation>
    </message>
    <message>
        <source>Fully performed</source>
        <translation>已履行完毕</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file is larger than {maximum} MB. Scan or photograph it at a lower size.</source>
        <translation>文件超过 {maximum} MB，请降低扫描或拍照的分辨率后再添加。</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>无法读取该文件：{reason}</translation>
    </message>
    <message>
        <source>This attachment no longer exists.</source>
        <translation>该附件已不存在。</translation>
    </message>
    <message>
        <source>This attachment&apos;s file is not on this computer yet.</source>
        <translation>该附件的文件还不在这台电脑上。</translation>
    </message>
    <message>
        <source>The file of this attachment is damaged on this computer&apos;s disk.</source>
        <translation>该附件在这台电脑磁盘上的文件已损坏。</translation>
    </message>
    <message>
        <source>An agreement is reached only when its terms are signed by every party and sealed: draft, sign and seal it on the &quot;Agreement and payments&quot; tab.</source>
        <translation>调解协议须经各方签名并加盖印章方为达成：请在“协议与履行”页起草、签名并盖章。</translation>
    </message>
    <message>
        <source>A payment order is not available for a dispute about {category}.</source>
        <translation>“{category}”类争议不能申请支付令。</translation>
    </message>
    <message>
        <source>The agreement is not fully performed yet: {outstanding} is still owed.</source>
        <translation>调解协议尚未履行完毕：还欠 {outstanding}。</translation>
    </message>
    <message>
        <source>The agreement is being performed; refer the case only once a payment is missed.</source>
        <translation>调解协议正在履行中；只有在逾期未付时才能移送。</translation>
    </message>
    <message>
        <source>Only a refused complaint needs a written notice of refusal.</source>
        <translation>只有不予受理的投诉才需要书面告知。</translation>
    </message>
    <message>
        <source>The notice cannot be served before the refusal on {decided}.</source>
        <translation>送达日期不能早于不予受理的日期 {decided}。</translation>
    </message>
    <message>
        <source>This case is &quot;{status}&quot;; start mediation first.</source>
        <translation>本案状态为“{status}”，请先开始调解。</translation>
    </message>
    <message>
        <source>Check both parties&apos; identities first.</source>
        <translation>请先核对双方当事人的身份。</translation>
    </message>
    <message>
        <source>Tell the parties their rights and that they may ask a mediator to withdraw.</source>
        <translation>请先告知当事人的权利义务以及申请调解员回避的权利。</translation>
    </message>
    <message>
        <source>This mediation session no longer exists.</source>
        <translation>该次调解已不存在。</translation>
    </message>
    <message>
        <source>Choose the entry this corrects.</source>
        <translation>请选择要更正的笔录条目。</translation>
    </message>
    <message>
        <source>These minutes are signed and cannot change; add a correction to an entry instead.</source>
        <translation>该笔录已签字，不能修改；请以更正条目的方式补充。</translation>
    </message>
    <message>
        <source>These minutes were already signed.</source>
        <translation>该笔录已经签过字。</translation>
    </message>
    <message>
        <source>The minutes are empty; record what was said first.</source>
        <translation>笔录是空的，请先记录调解内容。</translation>
    </message>
    <message>
        <source>The new end must be after the current end of mediation, {due}.</source>
        <translation>新的截止日期应晚于目前的调解期限 {due}。</translation>
    </message>
    <message>
        <source>Mediation can be extended by at most {days} days, to {latest}.</source>
        <translation>调解期限最多延长 {days} 天，即到 {latest}。</translation>
    </message>
    <message>
        <source>This case has no agreement in effect.</source>
        <translation>本案没有已生效的调解协议。</translation>
    </message>
    <message>
        <source>Enter the number of the court&apos;s ruling.</source>
        <translation>请填写法院裁定书的文号。</translation>
    </message>
    <message>
        <source>{step} cannot be recorded for this case now.</source>
        <translation>本案目前不能登记“{step}”。</translation>
    </message>
    <message>
        <source>This case was not sent on to this step: {kind}.</source>
        <translation>本案未转入该程序：{kind}。</translation>
    </message>
    <message>
        <source>This outcome does not end this step: {kind}.</source>
        <translation>该结果不适用于此程序：{kind}。</translation>
    </message>
    <message>
        <source>Record first: {step}.</source>
        <translation>请先登记：{step}。</translation>
    </message>
    <message>
        <source>Enforcement can be applied for only after the debtor&apos;s period ends on {due}.</source>
        <translation>债务人的期间于{due}届满后，方可申请强制执行。</translation>
    </message>
    <message>
        <source>This date cannot come before {earlier}.</source>
        <translation>该日期不能早于{earlier}。</translation>
    </message>
    <message>
        <source>The period can only be extended before it ends on {due}.</source>
        <translation>审理期限只能在{due}届满前延长。</translation>
    </message>
    <message>
        <source>Basic-level court</source>
        <translation>基层人民法院</translation>
    </message>
    <message>
        <source>Local monthly minimum wage</source>
        <translation>当地月最低工资标准</translation>
    </message>
    <message>
        <source>The payment cannot come before the agreement of {agreed}.</source>
        <translation>付款日期不能早于协议日期 {agreed}。</translation>
    </message>
    <message>
        <source>Only {outstanding} is still owed under the agreement.</source>
        <translation>按协议只剩 {outstanding} 未付。</translation>
    </message>
    <message>
        <source>This worker has no share in the agreement.</source>
        <translation>该工人在协议中没有应得金额。</translation>
    </message>
    <message>
        <source>{name} is still owed only {outstanding}.</source>
        <translation>{name}尚欠金额仅为{outstanding}。</translation>
    </message>
    <message>
        <source>The agreement names no account of {name}&apos;s own: pay him in cash, with a receipt.</source>
        <translation>协议未载明{name}本人的银行账户：请以现金支付并由其签收。</translation>
    </message>
    <message>
        <source>Attach the receipt {name} signed, or for a transfer give its number.</source>
        <translation>请附上{name}签字的收条；银行转账的，也可填写转账流水号。</translation>
    </message>
    <message>
        <source>Enter what at least one worker received.</source>
        <translation>请至少填写一名工人收到的金额。</translation>
    </message>
    <message>
        <source>The application must be made between {first} and {last} (R9).</source>
        <translation>仲裁审查申请应在 {first} 至 {last} 之间提出。</translation>
    </message>
    <message>
        <source>Record the application first.</source>
        <translation>请先登记申请日期。</translation>
    </message>
    <message>
        <source>The document cannot come back before the application of {applied}.</source>
        <translation>仲裁调解书的收到日期不能早于申请日期 {applied}。</translation>
    </message>
    <message>
        <source>Choose the scanned arbitral mediation document.</source>
        <translation>请选择仲裁调解书的扫描件。</translation>
    </message>
    <message>
        <source>Record first that the parties intend to apply.</source>
        <translation>请先登记双方拟申请仲裁审查。</translation>
    </message>
    <message>
        <source>The agreement names no worker.</source>
        <translation>协议书未列明劳动者。</translation>
    </message>
    <message>
        <source>The amount agreed for {name} must be more than zero.</source>
        <translation>{name}的协议金额必须大于零。</translation>
    </message>
    <message>
        <source>A collective of {count} workers signs through 3 to 5 elected representatives, not {given}.</source>
        <translation>{count}名劳动者的集体争议应由推举的3至5名代表签名，现为{given}名。</translation>
    </message>
    <message>
        <source>No claim is stated.</source>
        <translation>未写明请求事项。</translation>
    </message>
    <message>
        <source>The number of originals must be between 1 and {maximum}.</source>
        <translation>协议书份数应在1至{maximum}份之间。</translation>
    </message>
    <message>
        <source>Say what the agreed sum is paid for.</source>
        <translation>请写明协议款项的性质（支付何种款项）。</translation>
    </message>
    <message>
        <source>Give the part of the agreed sum that is work-injury medical costs, from 0 to {total}.</source>
        <translation>请填写协议金额中属于工伤医疗费的部分，在0至{total}之间。</translation>
    </message>
    <message>
        <source>The agreement sets no date of payment.</source>
        <translation>协议书未约定支付期限。</translation>
    </message>
    <message>
        <source>The instalments add up to {scheduled}, but the workers are owed {total}.</source>
        <translation>各期金额合计{scheduled}，与劳动者应得金额{total}不一致。</translation>
    </message>
    <message>
        <source>Instalment {number} must be more than zero.</source>
        <translation>第{number}期金额必须大于零。</translation>
    </message>
    <message>
        <source>Instalment {number} falls due before the agreement or before the previous instalment.</source>
        <translation>第{number}期的支付期限早于协议日期或上一期期限。</translation>
    </message>
    <message>
        <source>The applicant&apos;s signature is missing.</source>
        <translation>缺少申请人签名。</translation>
    </message>
    <message>
        <source>Application for a payment order</source>
        <translation>支付令申请书</translation>
    </message>
    <message>
        <source>Application for judicial confirmation</source>
        <translation>司法确认申请书</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>worker&apos;s authorised agent</source>
        <translation>劳动者的委托代理人</translation>
    </message>
    <message>
        <source>workers&apos; representative</source>
        <translation>劳动者代表</translation>
    </message>
    <message>
        <source>employer&apos;s handler</source>
        <translation>用人单位经办人</translation>
    </message>
    <message>
        <source>general contractor&apos;s handler</source>
        <translation>施工总承包单位经办人</translation>
    </message>
    <message>
        <source>mediator</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>受送达人</translation>
    </message>
    <message>
        <source>person serving the document</source>
        <translation>送达人</translation>
    </message>
    <message>
        <source>witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <source>Give the reasons for not accepting the application.</source>
        <translation>请写明不予受理的理由。</translation>
    </message>
    <message>
        <source>Mediation application</source>
        <translation>调解申请书</translation>
    </message>
    <message>
        <source>Record of oral application</source>
        <translation>口头申请笔录</translation>
    </message>
    <message>
        <source>Notice of acceptance</source>
        <translation>受理通知书</translation>
    </message>
    <message>
        <source>Notice of refusal</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <source>Mediation minutes</source>
        <translation>调解笔录</translation>
    </message>
    <message>
        <source>Mediation agreement</source>
        <translation>调解协议书</translation>
    </message>
    <message>
        <source>Proof of service</source>
        <translation>送达回证</translation>
    </message>
    <message>
        <source>Notice of termination of mediation</source>
        <translation>终止调解通知书</translation>
    </message>
    <message>
        <source>Referral to arbitration</source>
        <translation>移送仲裁函</translation>
    </message>
    <message>
        <source>The minutes name no mediator.</source>
        <translation>笔录未写明调解员。</translation>
    </message>
    <message>
        <source>The minutes name no recorder.</source>
        <translation>笔录未写明记录人。</translation>
    </message>
    <message>
        <source>The minutes name no one present.</source>
        <translation>笔录未写明到场人员。</translation>
    </message>
    <message>
        <source>The minutes record no statement.</source>
        <translation>笔录没有记录任何陈述。</translation>
    </message>
    <message>
        <source>The session cannot end before it starts.</source>
        <translation>调解结束时间不能早于开始时间。</translation>
    </message>
    <message>
        <source>At most {maximum} people can sign every page of the minutes.</source>
        <translation>笔录每页最多可供{maximum}人签名。</translation>
    </message>
    <message>
        <source>Name the arbitration committee the case goes to.</source>
        <translation>请写明案件移送的仲裁委员会。</translation>
    </message>
    <message>
        <source>A referral for non-performance needs the agreement in effect, and this case has none.</source>
        <translation>以不履行协议为由移送，须有已生效的调解协议，本案没有。</translation>
    </message>
    <message>
        <source>Name the documents served.</source>
        <translation>请写明送达的文书。</translation>
    </message>
    <message>
        <source>Name the recipient.</source>
        <translation>请写明受送达人。</translation>
    </message>
    <message>
        <source>No address of service for {name}: enter where the document was served.</source>
        <translation>{name}没有送达地址：请填写文书送达的地址。</translation>
    </message>
    <message>
        <source>The recipient (or the person who takes it for them) must sign the receipt.</source>
        <translation>受送达人（或代收人）须在送达回证上签名。</translation>
    </message>
    <message>
        <source>Name the family member or agent who took the document.</source>
        <translation>请填写代收文书的家属或代理人姓名。</translation>
    </message>
    <message>
        <source>Say how the family member is related to the recipient.</source>
        <translation>请填写代收家属与受送达人的关系。</translation>
    </message>
    <message>
        <source>A refused service is left at the address before witnesses: name them.</source>
        <translation>拒收的文书须在见证人见证下留置送达：请填写见证人姓名。</translation>
    </message>
    <message>
        <source>Give the tracking number of the posted document.</source>
        <translation>请填写邮寄文书的邮件号码。</translation>
    </message>
    <message>
        <source>Give the reason mediation ends.</source>
        <translation>请写明终止调解的原因。</translation>
    </message>
    <message>
        <source>The case number is missing.</source>
        <translation>缺少案号。</translation>
    </message>
    <message>
        <source>The station&apos;s name is missing.</source>
        <translation>缺少调解组织名称。</translation>
    </message>
    <message>
        <source>A party has no name.</source>
        <translation>有当事人未填写姓名。</translation>
    </message>
    <message>
        <source>{name} has no ID number; the document must identify every party.</source>
        <translation>{name}没有公民身份号码，文书须写明每位当事人的身份。</translation>
    </message>
    <message>
        <source>The employer has no name.</source>
        <translation>用人单位未填写名称。</translation>
    </message>
    <message>
        <source>{name} is an individual employer and has no ID number on file.</source>
        <translation>{name}为自然人用工主体，未登记公民身份号码。</translation>
    </message>
    <message>
        <source>{name} has no unified social credit code on file.</source>
        <translation>{name}未登记统一社会信用代码。</translation>
    </message>
    <message>
        <source>No applicant is named.</source>
        <translation>未列明申请人。</translation>
    </message>
    <message>
        <source>No respondent is named.</source>
        <translation>未列明被申请人。</translation>
    </message>
    <message>
        <source>The facts and reasons are missing.</source>
        <translation>缺少事实和理由。</translation>
    </message>
    <message>
        <source>The notice has no addressee.</source>
        <translation>通知书未写明受文人。</translation>
    </message>
    <message>
        <source>The notice does not say which dispute.</source>
        <translation>通知书未写明争议事项。</translation>
    </message>
    <message>
        <source>Name the arbitration committee the parties can turn to.</source>
        <translation>请写明当事人可以申请仲裁的仲裁委员会。</translation>
    </message>
    <message>
        <source>{name} ({role}) has not signed yet: capture the signature or mark it for paper.</source>
        <translation>{name}（{role}）尚未签名：请在签名板上签名，或标记为在纸质文书上手写签名。</translation>
    </message>
    <message>
        <source>The document needs the signature of the {role}.</source>
        <translation>文书缺少{role}的签名。</translation>
    </message>
    <message>
        <source>The seal of {name} has not been recorded.</source>
        <translation>{name}尚未盖章。</translation>
    </message>
    <message>
        <source>The document font cannot print {characters}: a printed copy would show empty boxes. Use the common form of the character.</source>
        <translation>文书字体无法打印“{characters}”，打印件上会显示为空框。请改用该字的通用写法。</translation>
    </message>
    <message>
        <source>Signature valid</source>
        <translation>数字签名有效</translation>
    </message>
    <message>
        <source>Document known</source>
        <translation>本站出具</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未经改动</translation>
    </message>
    <message>
        <source>{check}: {outcome}. {detail}</source>
        <translation>{check}：{outcome}。{detail}</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Genuine: an unaltered original issued by this station.</source>
        <translation>结论：真实有效，是本站出具且未经改动的原件。</translation>
    </message>
    <message>
        <source>Not confirmed: this file cannot be shown to be an unaltered original.</source>
        <translation>结论：未能确认，无法证明此文件是本站出具且未经改动的原件。</translation>
    </message>
    <message>
        <source>This file is not a PDF document.</source>
        <translation>此文件不是PDF文档。</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete and cannot be read as a PDF.</source>
        <translation>文件已损坏或不完整，无法作为PDF读取。</translation>
    </message>
    <message>
        <source>The file carries no digital signature.</source>
        <translation>文件没有数字签名。</translation>
    </message>
    <message>
        <source>The digital signature is damaged and cannot be checked.</source>
        <translation>数字签名已损坏，无法校验。</translation>
    </message>
    <message>
        <source>Genuine: an unaltered original issued by a mediation station the city certified.</source>
        <translation>结论：真实有效，是经市局认证的调解组织出具且未经改动的原件。</translation>
    </message>
    <message>
        <source>The digital signature does not match the file: it was altered after signing.</source>
        <translation>数字签名与文件内容不符：文件在签名后被改动过。</translation>
    </message>
    <message>
        <source>Something was added to the file after it was signed.</source>
        <translation>文件在签名后被追加了内容。</translation>
    </message>
    <message>
        <source>The signature is intact but its signer is unknown: not a computer of this station or one the city certified. The file was issued elsewhere or forged.</source>
        <translation>签名完整，但签署者不明：既不是本站的电脑，也不是市局认证的电脑。此文件系他处出具或伪造。</translation>
    </message>
    <message>
        <source>The city revoked the certificate of the computer that signed this file (a lost or stolen laptop) on {revoked}, and the file was signed after that: it is not accepted.</source>
        <translation>签署此文件的电脑的证书已于 {revoked} 被市局吊销（电脑丢失或被盗），此文件签署于其后，不予认可。</translation>
    </message>
    <message>
        <source>Digitally signed by {signer}, signed by this station before it joined the city; the signature is intact.</source>
        <translation>由 {signer} 数字签名，系本站加入城市同步之前签署；签名完整。</translation>
    </message>
    <message>
        <source>Digitally signed by {signer}; the signature is intact.</source>
        <translation>由{signer}数字签名，签名完整。</translation>
    </message>
    <message>
        <source>The file carries no document number of a mediation station.</source>
        <translation>文件中没有调解组织的文书编号。</translation>
    </message>
    <message>
        <source>Document {document} is not in this station&apos;s records; its signature, certified by the city, names the station that issued it.</source>
        <translation>文书 {document} 不在本站记录中；其经市局认证的数字签名载明了出具它的驿站。</translation>
    </message>
    <message>
        <source>Document {document} is not in this station&apos;s records.</source>
        <translation>本站记录中没有编号为{document}的文书。</translation>
    </message>
    <message>
        <source>Document {document} was issued by this station.</source>
        <translation>编号为{document}的文书由本站出具。</translation>
    </message>
    <message>
        <source>The signature certified by the city covers the whole file: not a byte changed since signing.</source>
        <translation>经市局认证的数字签名覆盖整个文件：签署后未改动任何字节。</translation>
    </message>
    <message>
        <source>There is no stored copy to compare the file with.</source>
        <translation>没有可供比对的存档文书。</translation>
    </message>
    <message>
        <source>The file differs from the document the station issued.</source>
        <translation>文件与本站出具并存档的文书不一致。</translation>
    </message>
    <message>
        <source>The file is byte for byte the document the station issued.</source>
        <translation>文件与本站出具并存档的文书逐字节一致。</translation>
    </message>
    <message>
        <source>This document was not issued by this station.</source>
        <translation>该文书不是本站出具的。</translation>
    </message>
    <message>
        <source>A {document} cannot be issued for this case as it stands.</source>
        <translation>本案目前的情况不能出具“{document}”。</translation>
    </message>
    <message>
        <source>The agreement can be printed once it is in effect.</source>
        <translation>调解协议生效后才能打印。</translation>
    </message>
    <message>
        <source>The city server cannot be reached. Your changes are kept here and sent when the network returns.</source>
        <translation>无法连接城市服务器。您的更改已保存在本机，网络恢复后会自动发送。</translation>
    </message>
    <message>
        <source>The city server had a problem and did not finish the sync. Your changes are kept; it is tried again automatically.</source>
        <translation>城市服务器出现问题，本次同步未完成。您的更改已保存，程序会自动重试。</translation>
    </message>
    <message>
        <source>The enrolment code is wrong, already used or expired. Ask the city bureau for a new code; codes are valid for 72 hours and work once.</source>
        <translation>加入码错误、已被使用或已过期。请向市局索取新的加入码；加入码72小时内有效，只能使用一次。</translation>
    </message>
    <message>
        <source>The city server does not know this computer. Enrol it again with a new code from the city bureau.</source>
        <translation>城市服务器不认识这台电脑。请向市局索取新的加入码，重新加入城市同步。</translation>
    </message>
    <message>
        <source>The city bureau has blocked this computer from syncing (for example after it was reported lost). All data on it is kept. Ask the city bureau for a new enrolment code.</source>
        <translation>市局已停止这台电脑的同步（例如电脑被报告丢失之后）。本机上的数据全部保留。请向市局索取新的加入码。</translation>
    </message>
    <message>
        <source>This version of heze-station is too old for the city server. Install the current version; all data on this computer is kept.</source>
        <translation>本程序版本过旧，城市服务器不再接受。请安装最新版本；本机上的数据全部保留。</translation>
    </message>
    <message>
        <source>The city server is older than this version of heze-station, so nothing is sent yet. The city bureau updates the server; until then all data stays on this computer and the sync is tried again automatically.</source>
        <translation>城市服务器的版本比本机的菏谐驿站程序旧，因此暂不发送数据。城市局会更新服务器；在此之前，所有数据都保留在本机，系统会自动重试同步。</translation>
    </message>
    <message>
        <source>Another computer is syncing with this computer&apos;s identity (a copied disk?). Sync is stopped; enrol this computer again with a new code. Unsent changes are kept and sent after enrolment.</source>
        <translation>另一台电脑正在以本机的身份同步（可能复制了硬盘）。同步已停止；请用新的加入码重新加入。尚未发送的更改会保留，重新加入后发送。</translation>
    </message>
    <message>
        <source>The city server was restored from a backup. Everything is being read again; nothing is lost.</source>
        <translation>城市服务器已从备份恢复。正在重新读取全部数据，不会丢失任何内容。</translation>
    </message>
    <message>
        <source>Too many wrong attempts from this computer. Wait a few minutes, then try again.</source>
        <translation>本机错误尝试次数过多。请等几分钟后再试。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is far ahead of the city server&apos;s. Its changes are stamped with the server&apos;s time and sent at the next try; please set the computer&apos;s date and time right.</source>
        <translation>这台电脑的时钟比城市服务器快了很多。本机的更改已改用服务器时间标记，下次同步时发送；请把电脑的日期和时间调准。</translation>
    </message>
    <message>
        <source>The disk of this computer is full, so the data from the city server cannot be stored. Free some space (delete old downloads, empty the recycle bin); nothing typed here is lost, and the sync continues then.</source>
        <translation>本机磁盘已满，无法保存城市服务器发来的数据。请腾出一些空间（删除旧的下载文件、清空回收站）；本机录入的内容不会丢失，腾出空间后同步会继续。</translation>
    </message>
    <message>
        <source>The city server refused the request. Your changes are kept; tell the city bureau&apos;s support.</source>
        <translation>城市服务器拒绝了请求。您的更改已保留；请联系市局技术支持。</translation>
    </message>
    <message>
        <source>The server at this address did not prove it is the city server (its certificate is not trusted here), so nothing was sent. On a hotel or site network that asks for a login first, log in there; it is tried again automatically. If the city runs its own certificates, enrol again with the certificate file from the city bureau.</source>
        <translation>这个地址上的服务器无法证明自己是城市服务器（本机不信任它的证书），因此没有发送任何数据。如果所在的宾馆或工地网络要求先登录，请先登录，系统会自动重试。如果城市使用自建证书，请用城市局提供的证书文件重新加入同步。</translation>
    </message>
    <message>
        <source>This address is not encrypted (http://): codes, passwords and workers&apos; data would cross the network in clear. Use the https:// address from the city bureau. Only on the city&apos;s own closed network may an administrator mark an http:// address as trusted.</source>
        <translation>这个地址不加密（http://）：加入码、密码和劳动者的信息会在网络上明文传输。请使用城市局提供的 https:// 地址。只有在城市自己的封闭内网中，管理员才可以把 http:// 地址标记为受信任。</translation>
    </message>
    <message>
        <source>The sync stopped because of a fault in this program. Nothing typed here is lost, and the sync is tried again automatically. If this keeps happening, tell the city bureau&apos;s support (the sync log has the details).</source>
        <translation>由于本程序出错，同步中断了。本机录入的内容都没有丢失，系统会自动重试。如果反复出现，请联系城市局技术支持（同步日志中有详细信息）。</translation>
    </message>
    <message>
        <source>This code joins station “{joined}”, but this computer was set up as station “{here}”. Joining sends this computer&apos;s cases and accounts to “{joined}”.</source>
        <translation>这个加入码属于“{joined}”，而这台电脑设置的驿站是“{here}”。加入后，这台电脑上的案件和账户都将交给“{joined}”。</translation>
    </message>
    <message>
        <source>This is not a server address: type it as the city bureau gave it, e.g. 10.37.17.2:8000.</source>
        <translation>这不是服务器地址，请照市局提供的地址填写，例如 10.37.17.2:8000。</translation>
    </message>
    <message>
        <source>This file is not a certificate. Choose the .pem or .crt file the city bureau gave you.</source>
        <translation>这个文件不是证书。请选择城市局提供的 .pem 或 .crt 文件。</translation>
    </message>
    <message>
        <source>The city certified this computer&apos;s signing key: documents issued from now on can be checked on every computer of the city.</source>
        <translation>市局已认证这台电脑的签名密钥：此后出具的文书可在全市任何一台电脑上核验。</translation>
    </message>
    <message>
        <source>The city server sent a signing certificate that does not fit this computer&apos;s key; documents stay signed with this computer&apos;s own certificate.</source>
        <translation>城市服务器发来的签名证书与这台电脑的密钥不符；文书仍用这台电脑自己的证书签名。</translation>
    </message>
    <message>
        <source>Enrolled with the city server {server} as station {station}; {baseline} earlier records queued.</source>
        <translation>已加入城市服务器 {server}，所属驿站：{station}；{baseline} 条原有记录已排队等待发送。</translation>
    </message>
    <message>
        <source>Synced: {pushed} changes sent, {pulled} received, {files} files, {conflicts} new conflicts.</source>
        <translation>同步完成：发送{pushed}项更改，接收{pulled}项，文件{files}个，新冲突{conflicts}个。</translation>
    </message>
    <message>
        <source>Sync failed: {reason_text}</source>
        <translation>同步失败：{reason_text}</translation>
    </message>
    <message>
        <source>The city server refused a change ({tables}): {reason_text}</source>
        <translation>城市服务器拒绝了一项更改（{tables}）：{reason_text}</translation>
    </message>
    <message>
        <source>it is not a change this station may make. The record stays on this computer; tell the city bureau.</source>
        <translation>本驿站无权做这项更改。这条记录仍保留在本电脑上，请告知市局。</translation>
    </message>
    <message>
        <source>a value in it is outside what the city can keep (an amount, a date or a number out of range, or a missing entry). The record stays on this computer; correct it there, or tell the city bureau.</source>
        <translation>其中有内容超出市里能保存的范围（金额、日期或编号超出范围，或缺少必填内容）。这条记录仍保留在本电脑上，请在本电脑上更正，或告知市局。</translation>
    </message>
    <message>
        <source>the city server does not know part of it: this program and the server are of different versions. The record stays on this computer; tell the city bureau, which updates them.</source>
        <translation>市里服务器不认识其中的部分内容：本程序与服务器的版本不一致。这条记录仍保留在本电脑上，请告知市局更新。</translation>
    </message>
    <message>
        <source>Conflict recorded on {table} {field}: both sides changed it.</source>
        <translation>{table}{field}出现冲突：两台电脑都修改了它。</translation>
    </message>
    <message>
        <source>The city server&apos;s data changed (a restore): reading everything again.</source>
        <translation>城市服务器的数据已变化（从备份恢复）：正在重新读取全部数据。</translation>
    </message>
    <message>
        <source>Conflict on {table} {field} settled: {choice}.</source>
        <translation>{table}{field}的冲突已处理：{choice}。</translation>
    </message>
    <message>
        <source>The city server lost changes in a restore from an old backup: all {rows} records on this computer are being sent again.</source>
        <translation>城市服务器从较早的备份恢复，丢失了部分更改：本机全部 {rows} 条记录正在重新发送。</translation>
    </message>
    <message>
        <source>Checked this computer&apos;s records against the city server: {rows} records were fetched again.</source>
        <translation>已将本机的记录与城市服务器核对：重新获取了 {rows} 条记录。</translation>
    </message>
    <message>
        <source>A file ({sha256}…) could not be transferred this time and is tried again next time: {reason}</source>
        <translation>文件（{sha256}…）本次未能传输，下次同步时会重试：{reason}</translation>
    </message>
    <message>
        <source>This computer&apos;s audit trail (up to entry {seq}) does not continue what the city server recorded before: entries were changed or removed on this computer. The administrator has been told.</source>
        <translation>本机审计日志（截至第 {seq} 条）与市级服务器此前收到的记录对不上：本机上的记录被改动或删除过。已提示管理员。</translation>
    </message>
    <message>
        <source>{rows} records received from the city server ({tables}) could not be saved on this computer. They are kept aside and tried again after every sync and after this program is updated; everything else was saved.</source>
        <translation>从城市服务器收到的 {rows} 条记录（{tables}）无法保存到本机。这些记录已单独保留，每次同步后和本程序升级后都会重试；其余记录均已保存。</translation>
    </message>
    <message>
        <source>This is changed only by the steps of the agreement (signing, sealing, a new agreement). Keep the city server&apos;s value, then take the step on the case page.</source>
        <translation>这一项只能通过协议的办理步骤（签名、盖章、重新签订协议）改变。请选择“保留服务器的值”，再到案件页面办理相应步骤。</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>This value cannot be used for this field.</source>
        <translation>这个值不能用于此项，请按此项的格式填写。</translation>
    </message>
    <message>
        <source>A case that is &quot;{status}&quot; cannot become &quot;{target}&quot; in one step. Keep the city server&apos;s value, then take the next step on the case page.</source>
        <translation>案件当前状态为“{status}”，不能一步变为“{target}”。请选择“保留服务器的值”，再到案件页面办理下一步。</translation>
    </message>
    <message>
        <source>This step needs a written reason. Keep the city server&apos;s value, then take the step on the case page, where the reason is asked.</source>
        <translation>这一步需要书面理由。请选择“保留服务器的值”，再到案件页面办理，届时会要求填写理由。</translation>
    </message>
    <message>
        <source>A {role}&apos;s account may not do this; ask the administrator.</source>
        <translation>{role}账户无权进行此操作，请联系本站管理员。</translation>
    </message>
    <message>
        <source>This station has been set up already.</source>
        <translation>本站已经设置过了。</translation>
    </message>
    <message>
        <source>The login {login} is taken.</source>
        <translation>登录名 {login} 已被使用。</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Please try again in {seconds} seconds.</source>
        <translation>密码错误次数过多，请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>登录名或密码不正确。</translation>
    </message>
    <message>
        <source>This account has been disabled. Please ask the administrator.</source>
        <translation>此账户已停用，请联系本站管理员。</translation>
    </message>
    <message>
        <source>This computer&apos;s key file is missing or damaged. Use &apos;Forgot password&apos; with the recovery key printed when the station was set up.</source>
        <translation>本机的密钥文件丢失或损坏。请点击“忘记密码”，输入设置本站时打印的恢复密钥。</translation>
    </message>
    <message>
        <source>A recovery key has no 0, 1, I or O: check the characters read as those against the sheet.</source>
        <translation>恢复密钥中没有 0、1、I、O 这几个字符：请对照密钥单核对看作这些字符的地方。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>This account does not exist.</source>
        <translation>此账户不存在。</translation>
    </message>
    <message>
        <source>Choose between 1 and 60 minutes.</source>
        <translation>请选择 1 至 60 分钟。</translation>
    </message>
    <message>
        <source>Idle minutes before the window locks</source>
        <translation>无操作自动锁定时间</translation>
    </message>
    <message>
        <source>This station has not been set up yet.</source>
        <translation>本站尚未设置。</translation>
    </message>
    <message>
        <source>This is not a whole recovery key: it has 13 groups of 4 letters and digits, and {count} were typed. Check it against the sheet.</source>
        <translation>恢复密钥不完整：密钥共13组、每组4个字母或数字，这里输入了{count}个。请对照密钥单核对。</translation>
    </message>
    <message>
        <source>This is not the recovery key of this computer. Each computer of a station has its own: use the sheet written when this computer was set up, or ask the city bureau for its code.</source>
        <translation>这不是这台电脑的恢复密钥。驿站的每台电脑各有自己的恢复密钥：请使用这台电脑设置时抄写的密钥单，或向市局索取恢复码。</translation>
    </message>
    <message>
        <source>There is no account {login}.</source>
        <translation>没有登录名为 {login} 的账户。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>Opened with the recovery key</source>
        <translation>用恢复密钥打开</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Opened a case</source>
        <translation>查看案件</translation>
    </message>
    <message>
        <source>Removed a closed file after its retention</source>
        <translation>销毁保存期满的已结案卷</translation>
    </message>
    <message>
        <source>Searched</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Corrected a case</source>
        <translation>更正案件</translation>
    </message>
    <message>
        <source>Added a worker to a case</source>
        <translation>为案件添加工人</translation>
    </message>
    <message>
        <source>Removed a worker from a case</source>
        <translation>从案件移除工人</translation>
    </message>
    <message>
        <source>Voided a case</source>
        <translation>作废案件</translation>
    </message>
    <message>
        <source>Showed full ID numbers</source>
        <translation>显示完整身份证号</translation>
    </message>
    <message>
        <source>Showed full phone numbers</source>
        <translation>显示完整电话号码</translation>
    </message>
    <message>
        <source>Showed full bank accounts</source>
        <translation>显示完整银行账号</translation>
    </message>
    <message>
        <source>Issued a document</source>
        <translation>出具文书</translation>
    </message>
    <message>
        <source>Printed a document</source>
        <translation>打印文书</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Added an account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Disabled an account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Enabled an account</source>
        <translation>启用账户</translation>
    </message>
    <message>
        <source>Reset a password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Changed own password</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <source>Changed a setting</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Set the station seal</source>
        <translation>设置驿站印章</translation>
    </message>
    <message>
        <source>Joined city sync</source>
        <translation>加入市级同步</translation>
    </message>
    <message>
        <source>Station key sealed to the city&apos;s recovery key</source>
        <translation>本驿站密钥已用市局恢复密钥加封</translation>
    </message>
    <message>
        <source>The city&apos;s recovery key changed: station key sealed to the new one</source>
        <translation>市局恢复密钥已更换：本驿站密钥已用新密钥加封</translation>
    </message>
    <message>
        <source>Made a backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Restored a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Audit trail found altered</source>
        <translation>发现审计日志被改动</translation>
    </message>
    <message>
        <source>Registration form (not yet saved)</source>
        <translation>登记表（尚未保存）</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Unsent changes</source>
        <translation>未发送的更改</translation>
    </message>
    <message>
        <source>Wage-arrears clues</source>
        <translation>欠薪线索</translation>
    </message>
    <message>
        <source>Backups cannot be written to {folder}: choose a folder you can write to.</source>
        <translation>无法将备份写入 {folder}：请选择可写入的文件夹。</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Choose between {low} and {high}.</source>
        <translation>请选择 {low} 到 {high} 之间的数。</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>备份保留份数</translation>
    </message>
    <message>
        <source>The backup could not be written to {folder} (is the USB stick plugged in, is it full?). Nothing was changed; the next backup tries again.</source>
        <translation>备份未能写入 {folder}（U 盘是否已插好、是否已满？）。没有任何改动，下次备份会再试。</translation>
    </message>
    <message>
        <source>The backup did not pass its check and was discarded; try again.</source>
        <translation>备份未通过核验，已丢弃；请重试。</translation>
    </message>
    <message>
        <source>No backup of this station that could be restored was found in {folder}.</source>
        <translation>在 {folder} 中没有找到可以恢复的本站备份。</translation>
    </message>
    <message>
        <source>Only the station&apos;s administrator may restore a backup.</source>
        <translation>只有本站管理员可以恢复备份。</translation>
    </message>
    <message>
        <source>The backup {folder} is incomplete: {files} is missing. Copy the whole folder again.</source>
        <translation>备份 {folder} 不完整：缺少 {files}。请重新复制整个文件夹。</translation>
    </message>
    <message>
        <source>This computer already holds a station&apos;s records.</source>
        <translation>这台电脑上已经有驿站的数据。</translation>
    </message>
    <message>
        <source>{folder} is not a backup of a station: choose one of the folders named by date and time (such as 2026-12-01_180000) in the backups folder.</source>
        <translation>{folder} 不是驿站的备份：请在备份文件夹里选择一个以日期时间命名的文件夹（例如 2026-12-01_180000）。</translation>
    </message>
    <message>
        <source>There is no backup {name}.</source>
        <translation>没有名为 {name} 的备份。</translation>
    </message>
    <message>
        <source>The backup {name} is damaged or belongs to another station; nothing was changed.</source>
        <translation>备份 {name} 已损坏或属于其他驿站；没有任何改动。</translation>
    </message>
    <message>
        <source>The audit trail in the backup {name} was altered; it was not restored.</source>
        <translation>备份 {name} 中的审计日志被改动过，未予恢复。</translation>
    </message>
    <message>
        <source>ID numbers</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>bank accounts</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>A {role}&apos;s account may not see full {fields}; ask a mediator.</source>
        <translation>{role}账户无权查看完整的{fields}，请找调解员。</translation>
    </message>
    <message>
        <source>The disk that holds the station&apos;s data is full, so nothing was saved. What you typed is still here: free some space (empty the recycle bin, delete downloads you no longer need), then save again.</source>
        <translation>保存本站数据的磁盘已满，未能保存。您填写的内容仍在窗口中：请先腾出磁盘空间（清空回收站、删除不再需要的下载文件），再重新保存。</translation>
    </message>
    <message>
        <source>Part of the station&apos;s data file is damaged, so this could not be read or saved. Ask the administrator to restore the latest backup (Account › Backups and restore).</source>
        <translation>本站数据文件有部分已损坏，无法读取或保存这些内容。请管理员恢复最新的备份（账户 › 备份与恢复）。</translation>
    </message>
    <message>
        <source>The disk that holds the station&apos;s data ({folder}) is full, so the station cannot open. Free some space (empty the recycle bin, delete downloads you no longer need), then start again; nothing was changed.</source>
        <translation>保存本站数据的磁盘（{folder}）已满，无法打开本站。请先腾出磁盘空间（清空回收站、删除不再需要的下载文件），再重新启动；数据未作任何改动。</translation>
    </message>
    <message>
        <source>Only {megabytes} MB are free on the disk that holds the station&apos;s data ({folder}). New cases, scans and backups may not fit: free some space soon.</source>
        <translation>保存本站数据的磁盘（{folder}）仅剩 {megabytes} MB 可用空间，新的案件、扫描件和备份可能无法保存，请尽快腾出空间。</translation>
    </message>
    <message>
        <source>{file} could not be written in {folder}: the folder may be gone (a USB stick pulled out) or not writable for this computer&apos;s account, the disk full, or the file open in another program (close it there). Nothing was written; choose another place, or close the file, and try again.</source>
        <translation>无法在 {folder} 写入 {file}：该文件夹可能已不存在（如U盘已拔出）或本电脑的账户无权写入，磁盘已满，或该文件正被其他程序打开（请先在那里关闭）。没有写入任何内容；请换一个位置，或关闭该文件后再试。</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>密码不正确。</translation>
    </message>
    <message>
        <source>Nothing on this computer waits to be sent.</source>
        <translation>这台电脑上没有等待发送的更改。</translation>
    </message>
    <message>
        <source>Only the administrator who exported this file can import it, on a computer of the same station: please sign in as that administrator.</source>
        <translation>只有导出此文件的管理员才能在本站的其他电脑上导入，请以该管理员身份登录。</translation>
    </message>
    <message>
        <source>This file was altered after it was exported.</source>
        <translation>此文件在导出后被改动过。</translation>
    </message>
    <message>
        <source>These changes were imported on this computer already.</source>
        <translation>这些更改已在这台电脑上导入过。</translation>
    </message>
    <message>
        <source>This is not a file of unsent changes from heze-station.</source>
        <translation>这不是菏谐驿站导出的未发送更改文件。</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>&quot;{code}&quot; is not a period. Write a week (2026-W48), a month (2026-11), a quarter (2026-Q3), a year (2026) or two dates (2026-11-01..2026-11-15).</source>
        <translation>“{code}”不是有效的期间。请写成周（2026-W48）、月（2026-11）、季度（2026-Q3）、年（2026）或两个日期（2026-11-01..2026-11-15）。</translation>
    </message>
    <message>
        <source>the day the application was received</source>
        <translation>收到申请之日</translation>
    </message>
    <message>
        <source>the day mediation concluded: its first agreement took effect, or it failed, was withdrawn or referred</source>
        <translation>调解终结之日：首份调解协议生效，或调解不成、撤回、移送之日</translation>
    </message>
    <message>
        <source>the day the case was passed on</source>
        <translation>移送之日</translation>
    </message>
    <message>
        <source>the day the case was accepted</source>
        <translation>受理之日</translation>
    </message>
    <message>
        <source>the day the money was paid</source>
        <translation>付款之日</translation>
    </message>
    <message>
        <source>the day the agreement&apos;s last instalment fell due</source>
        <translation>协议最后一期履行期限届满之日</translation>
    </message>
    <message>
        <source>the period&apos;s first day</source>
        <translation>期初</translation>
    </message>
    <message>
        <source>the period&apos;s last day</source>
        <translation>期末</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <source>cases whose application was received in the period, refused ones included</source>
        <translation>本期收到申请的案件（含不予受理的）</translation>
    </message>
    <message>
        <source>Workers covered</source>
        <translation>涉及劳动者</translation>
    </message>
    <message>
        <source>the workers of the cases received in the period</source>
        <translation>本期收到申请的案件中的劳动者人数</translation>
    </message>
    <message>
        <source>Concluded in the period</source>
        <translation>本期办结</translation>
    </message>
    <message>
        <source>accepted cases that reached an end in the period: an agreement is one, also while its payments go on (the workbench lists such a case as 履行中 until it is paid)</source>
        <translation>本期内办结的已受理案件：达成调解协议即为办结，协议仍在履行中的也计入（工作台将此类案件列为“履行中”，直至付清）</translation>
    </message>
    <message>
        <source>Mediated successfully</source>
        <translation>调解成功</translation>
    </message>
    <message>
        <source>cases that reached an agreement in effect in the period</source>
        <translation>本期达成并生效调解协议的案件</translation>
    </message>
    <message>
        <source>Mediation success rate</source>
        <translation>调解成功率</translation>
    </message>
    <message>
        <source>cases mediated successfully, over the cases concluded, in the period</source>
        <translation>本期调解成功件数除以本期办结件数</translation>
    </message>
    <message>
        <source>Concluded within 3 days</source>
        <translation>三日内办结</translation>
    </message>
    <message>
        <source>cases concluded in the period at most 3 days after the application was received, over all concluded</source>
        <translation>本期办结且自收到申请起不超过3日办结的案件，占本期办结件数</translation>
    </message>
    <message>
        <source>Concluded within 15 days</source>
        <translation>十五日内办结</translation>
    </message>
    <message>
        <source>cases concluded in the period at most 15 days after the application was received, over all concluded</source>
        <translation>本期办结且自收到申请起不超过15日办结的案件，占本期办结件数</translation>
    </message>
    <message>
        <source>Amount agreed</source>
        <translation>协议金额</translation>
    </message>
    <message>
        <source>what the agreements in effect of the cases mediated successfully in the period set</source>
        <translation>本期调解成功案件的现行有效协议约定的金额</translation>
    </message>
    <message>
        <source>Amount recovered</source>
        <translation>追回金额</translation>
    </message>
    <message>
        <source>money paid to workers in the period under the cases&apos; agreements</source>
        <translation>本期按调解协议向劳动者支付的金额</translation>
    </message>
    <message>
        <source>cases passed on in the period, also after an agreement that was not performed</source>
        <translation>本期移送的案件（含协议未履行后移送的）</translation>
    </message>
    <message>
        <source>Agreements due</source>
        <translation>到期协议</translation>
    </message>
    <message>
        <source>agreements in effect whose last instalment fell due in the period</source>
        <translation>最后一期履行期限在本期届满的生效协议</translation>
    </message>
    <message>
        <source>Agreements performed on time</source>
        <translation>按期履行的协议</translation>
    </message>
    <message>
        <source>of the agreements due in the period, those that had every instalment paid in full by its due date</source>
        <translation>本期到期的协议中，每期款项均在期限内足额支付的</translation>
    </message>
    <message>
        <source>Voided cases</source>
        <translation>作废案件</translation>
    </message>
    <message>
        <source>cases received in the period that were registered by mistake and voided; no other figure counts them</source>
        <translation>本期收到、因误登记而作废的案件；其他各项指标均不计入</translation>
    </message>
    <message>
        <source>of which over pay</source>
        <translation>其中：劳动报酬</translation>
    </message>
    <message>
        <source>of which over social insurance</source>
        <translation>其中：社会保险</translation>
    </message>
    <message>
        <source>of which over changing or ending a contract</source>
        <translation>其中：变更、解除、终止劳动合同</translation>
    </message>
    <message>
        <source>of which other</source>
        <translation>其中：其他</translation>
    </message>
    <message>
        <source>Open from the previous period</source>
        <translation>上期未结</translation>
    </message>
    <message>
        <source>cases accepted before the period and not ended before it</source>
        <translation>期初前已受理且期初尚未终结的案件</translation>
    </message>
    <message>
        <source>Accepted in the period</source>
        <translation>当期受理</translation>
    </message>
    <message>
        <source>cases accepted in the period</source>
        <translation>本期受理的案件</translation>
    </message>
    <message>
        <source>of which collective disputes</source>
        <translation>其中：集体争议</translation>
    </message>
    <message>
        <source>cases accepted in the period with 10 or more workers</source>
        <translation>本期受理的劳动者10人以上的案件</translation>
    </message>
    <message>
        <source>cases accepted in the period whose category falls under this cause</source>
        <translation>本期受理的属于该争议原因的案件</translation>
    </message>
    <message>
        <source>Workers party to the cases</source>
        <translation>劳动者当事人数</translation>
    </message>
    <message>
        <source>the workers of the cases accepted in the period</source>
        <translation>本期受理案件中的劳动者人数</translation>
    </message>
    <message>
        <source>of which in collective disputes</source>
        <translation>其中：集体争议劳动者</translation>
    </message>
    <message>
        <source>the workers of the collective cases accepted in the period</source>
        <translation>本期受理的集体争议案件中的劳动者人数</translation>
    </message>
    <message>
        <source>of which by agreement</source>
        <translation>其中：达成调解协议</translation>
    </message>
    <message>
        <source>of which mediation failed</source>
        <translation>其中：调解不成</translation>
    </message>
    <message>
        <source>of which withdrawn</source>
        <translation>其中：撤回</translation>
    </message>
    <message>
        <source>of which referred to arbitration</source>
        <translation>其中：移送仲裁</translation>
    </message>
    <message>
        <source>of which referred to labour inspection</source>
        <translation>其中：移送劳动保障监察</translation>
    </message>
    <message>
        <source>of which sent to court</source>
        <translation>其中：申请支付令</translation>
    </message>
    <message>
        <source>accepted cases that reached this end in the period</source>
        <translation>本期以此方式终结的已受理案件</translation>
    </message>
    <message>
        <source>Open at the end of the period</source>
        <translation>当期未结</translation>
    </message>
    <message>
        <source>cases accepted by the period&apos;s end and not ended by it</source>
        <translation>期末前已受理且期末尚未终结的案件</translation>
    </message>
    <message>
        <source>Amount involved</source>
        <translation>涉及金额</translation>
    </message>
    <message>
        <source>what the workers claimed in the cases received in the period</source>
        <translation>本期收到申请的案件中劳动者请求的金额</translation>
    </message>
    <message>
        <source>cases of this category received in the period</source>
        <translation>本期收到申请的该类案件</translation>
    </message>
    <message>
        <source>the day the clue reached the station</source>
        <translation>线索到达驿站之日</translation>
    </message>
    <message>
        <source>the day the clue was closed</source>
        <translation>线索办结之日</translation>
    </message>
    <message>
        <source>Wage-arrears clues received</source>
        <translation>收到欠薪线索</translation>
    </message>
    <message>
        <source>clues the city assigned to the station that reached it in the period</source>
        <translation>本期到达驿站的市局交办线索</translation>
    </message>
    <message>
        <source>Wage-arrears clues closed</source>
        <translation>办结欠薪线索</translation>
    </message>
    <message>
        <source>clues settled, turned into a case, found unsubstantiated or handed to inspection in the period</source>
        <translation>本期已解决、转为案件、核实不属实或移交监察的线索</translation>
    </message>
    <message>
        <source>Clues closed by the city&apos;s deadline</source>
        <translation>按期办结的线索</translation>
    </message>
    <message>
        <source>clues closed in the period on or before their deadline, over all clues closed</source>
        <translation>本期在期限内办结的线索，占本期办结线索数</translation>
    </message>
    <message>
        <source>Recovered through clues</source>
        <translation>通过线索追回金额</translation>
    </message>
    <message>
        <source>wages paid to workers for clues settled in the period</source>
        <translation>本期已解决线索中向劳动者支付的工资</translation>
    </message>
    <message>
        <source>Workers paid through clues</source>
        <translation>通过线索获付劳动者</translation>
    </message>
    <message>
        <source>the workers paid for clues settled in the period</source>
        <translation>本期已解决线索中获付工资的劳动者人数</translation>
    </message>
    <message>
        <source>Station indicators</source>
        <translation>驿站工作指标</translation>
    </message>
    <message>
        <source>Labour disputes handled (national form)</source>
        <translation>劳动争议处理情况</translation>
    </message>
    <message>
        <source>Mediation return</source>
        <translation>调解情况统计</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按争议类别</translation>
    </message>
    <message>
        <source>By intake channel</source>
        <translation>按来源渠道</translation>
    </message>
    <message>
        <source>By kind of employer</source>
        <translation>按用人单位类型</translation>
    </message>
    <message>
        <source>By project</source>
        <translation>按项目</translation>
    </message>
    <message>
        <source>Weekly return</source>
        <translation>周调度表</translation>
    </message>
    <message>
        <source>Monthly return</source>
        <translation>月调度表</translation>
    </message>
    <message>
        <source>Quarterly summary</source>
        <translation>季总结表</translation>
    </message>
    <message>
        <source>Annual return</source>
        <translation>年度统计表</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>统计表</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Out of</source>
        <translation>分母</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>Cases received</source>
        <translation>受理案件</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>What each figure counts</source>
        <translation>指标口径说明</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>统计口径</translation>
    </message>
    <message>
        <source>Placed in the period by</source>
        <translation>计入期间的日期</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Received, not yet verified</source>
        <translation>已接收，待核实</translation>
    </message>
    <message>
        <source>Being verified</source>
        <translation>核实中</translation>
    </message>
    <message>
        <source>Employer contacted</source>
        <translation>已联系用人单位</translation>
    </message>
    <message>
        <source>Settled: wages paid</source>
        <translation>已解决（工资已支付）</translation>
    </message>
    <message>
        <source>Turned into a case</source>
        <translation>已转为案件</translation>
    </message>
    <message>
        <source>Not substantiated</source>
        <translation>经核实不属实</translation>
    </message>
    <message>
        <source>Handed to labour inspection</source>
        <translation>已移交劳动保障监察</translation>
    </message>
    <message>
        <source>A clue that is &quot;{current}&quot; cannot become &quot;{wanted}&quot;.</source>
        <translation>处于“{current}”的线索不能改为“{wanted}”。</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>直接送达</translation>
    </message>
    <message>
        <source>To an adult family member living with the recipient</source>
        <translation>同住成年家属代收</translation>
    </message>
    <message>
        <source>To the recipient&apos;s agent</source>
        <translation>代理人代收</translation>
    </message>
    <message>
        <source>Refused: left at the address before witnesses</source>
        <translation>拒收：在见证人见证下留置送达</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <source>This application was made in writing and signed by the applicant.</source>
        <translation>本申请为书面申请，已由申请人签名。</translation>
    </message>
    <message>
        <source>Choose the applicant who signs.</source>
        <translation>请选择签名的申请人。</translation>
    </message>
    <message>
        <source>{name} has already signed the record.</source>
        <translation>{name}已在笔录上签名。</translation>
    </message>
    <message>
        <source>Capture the signature on the pad, or attach the scan of the record signed on paper.</source>
        <translation>请在签名板上签名，或附上纸质签名笔录的扫描件。</translation>
    </message>
    <message>
        <source>Choose a document of this case to serve.</source>
        <translation>请选择本案需要送达的文书。</translation>
    </message>
    <message>
        <source>Choose a party of this case as the recipient.</source>
        <translation>请选择本案的当事人作为受送达人。</translation>
    </message>
    <message>
        <source>A document cannot be served before it was issued.</source>
        <translation>文书不能早于出具日期送达。</translation>
    </message>
    <message>
        <source>This clue no longer exists.</source>
        <translation>该线索已不存在。</translation>
    </message>
    <message>
        <source>How many workers were paid?</source>
        <translation>请填写获付工资的劳动者人数。</translation>
    </message>
    <message>
        <source>Register the case first; it is then linked here.</source>
        <translation>请先登记案件，登记后会自动关联到此线索。</translation>
    </message>
    <message>
        <source>Call the worker back once the clue has an outcome.</source>
        <translation>线索有办理结果后才能回访劳动者。</translation>
    </message>
    <message>
        <source>The call back cannot be before the clue was closed.</source>
        <translation>回访日期不能早于线索办结日期。</translation>
    </message>
    <message>
        <source>Only a closed file can be removed, once its retention has ended.</source>
        <translation>只有已结案且保存期满的案卷才能销毁。</translation>
    </message>
    <message>
        <source>This file must be kept until {until} (R13); it can be removed from {first}.</source>
        <translation>本案卷须保存至 {until}（R13），自 {first} 起方可销毁。</translation>
    </message>
    <message>
        <source>The day the worker knew of it cannot be after the application was received ({received}).</source>
        <translation>知道权利受侵害的日期不能晚于收到申请的日期（{received}）。</translation>
    </message>
    <message>
        <source>The suspension cannot end before it began on {start}.</source>
        <translation>时效中止的截止日不能早于起始日 {start}。</translation>
    </message>
    <message>
        <source>Name the court the application goes to.</source>
        <translation>请填写受理申请的人民法院。</translation>
    </message>
    <message>
        <source>The court needs the address of {name}: enter it in the case file first.</source>
        <translation>法院需要{name}的住址（住所）：请先在案件卷宗中填写。</translation>
    </message>
    <message>
        <source>The court needs the legal representative (or person in charge) of {name}: enter it in the case file first.</source>
        <translation>法院需要{name}的法定代表人（或主要负责人）：请先在案卷中填写。</translation>
    </message>
    <message>
        <source>No instalment of the agreement is due and unpaid.</source>
        <translation>调解协议没有已到期未付的款项。</translation>
    </message>
    <message>
        <source>The enclosures are missing.</source>
        <translation>缺少附件材料。</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Rectification asked</source>
        <translation>责令（提醒）整改</translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Agreement in default, not performed</source>
        <translation>有协议逾期未履行</translation>
    </message>
    <message>
        <source>Collective dispute</source>
        <translation>集体争议</translation>
    </message>
    <message>
        <source>Arrears outstanding {amount}</source>
        <translation>欠薪未清 {amount}</translation>
    </message>
    <message>
        <source>{count} complaints within {days} days</source>
        <translation>{days}天内投诉{count}次</translation>
    </message>
    <message>
        <source>Case list</source>
        <translation>案件列表</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>劳动者人数</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>争议类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Claimed (yuan)</source>
        <translation>请求金额（元）</translation>
    </message>
    <message>
        <source>Signature of {name} ({role})</source>
        <translation>{role}{name}的签名</translation>
    </message>
    <message>
        <source>{name}&apos;s signature on the oral application record</source>
        <translation>{name}在口头申请笔录上的签名</translation>
    </message>
    <message>
        <source>Scan of the oral application record signed by {name}</source>
        <translation>{name}签名的口头申请笔录扫描件</translation>
    </message>
    <message>
        <source>Scan of the arbitral mediation document</source>
        <translation>仲裁调解书扫描件</translation>
    </message>
    <message>
        <source>Receipt for the payment of {amount} to {name}</source>
        <translation>支付给{name}{amount}的付款凭证</translation>
    </message>
    <message>
        <source>Receipt for the payment of {amount}</source>
        <translation>付款{amount}的凭证</translation>
    </message>
    <message>
        <source>Scan of the outcome document: {step}, {outcome}</source>
        <translation>结果文书扫描件：{step}，{outcome}</translation>
    </message>
    <message>
        <source>{kind} from the mediation session of {day}</source>
        <translation>{day}调解时的{kind}</translation>
    </message>
    <message>
        <source>{count} rows would be exported, and one file holds at most {most}. Narrow the list (a shorter period, a search, a person or an action) and export again; nothing was written.</source>
        <translation>将导出 {count} 行，而一个文件最多容纳 {most} 行。请缩小范围（更短的期间、搜索、人员或操作）后再导出；没有写入任何内容。</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Join city sync</source>
        <translation>加入城市同步</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>加入(&amp;E)</translation>
    </message>
    <message>
        <source>Type the address of the city server and the one-time enrolment code the city bureau gave you. A code works once and for 72 hours. Everything already on this computer is kept and sent to the city server.</source>
        <translation>请填写城市服务器地址和市局提供的一次性加入码。加入码72小时内有效，只能使用一次。本机已有的数据全部保留，并会发送到城市服务器。</translation>
    </message>
    <message>
        <source>for example 10.37.17.2:8000</source>
        <translation>例如 10.37.17.2:8000</translation>
    </message>
    <message>
        <source>How the city bureau sees this computer in its list, e.g. 前台电脑.</source>
        <translation>市局在设备列表中看到的本机名称，例如“前台电脑”。</translation>
    </message>
    <message>
        <source>&amp;Trusted local network: allow this unencrypted address</source>
        <translation>受信任的本地网络：允许使用这个不加密的地址(&amp;T)</translation>
    </message>
    <message>
        <source>This address is not encrypted (http://): the code, this computer&apos;s credentials and workers&apos; personal data would cross the network in clear. Tick this only on the city&apos;s own closed network, never on a construction site&apos;s or a hotel&apos;s.</source>
        <translation>这个地址不加密（http://）：加入码、本机的凭据和劳动者的个人信息都会在网络上明文传输。只有在城市自己的封闭内网中才可勾选，工地或宾馆的网络绝不可勾选。</translation>
    </message>
    <message>
        <source>the system&apos;s (usual)</source>
        <translation>使用系统证书（通常如此）</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>The city server&apos;s certificate</source>
        <translation>城市服务器的证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>证书 (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>Only when the city runs its own certificates: the certificate file from the city bureau.</source>
        <translation>仅在城市使用自建证书时需要：选择城市局提供的证书文件。</translation>
    </message>
    <message>
        <source>City &amp;server address</source>
        <translation>城市服务器地址(&amp;S)</translation>
    </message>
    <message>
        <source>Enrolment &amp;code</source>
        <translation>加入码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name of this computer</source>
        <translation>本机名称(&amp;N)</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Contacting the city server…</source>
        <translation>正在连接城市服务器…</translation>
    </message>
    <message>
        <source>Type the address of the city server.</source>
        <translation>请填写城市服务器地址。</translation>
    </message>
    <message>
        <source>Type the enrolment code from the city bureau.</source>
        <translation>请填写市局提供的加入码。</translation>
    </message>
    <message>
        <source>This computer has joined city sync as part of station “{station}”. The first sync is starting now; its progress shows in the status bar.</source>
        <translation>本机已加入城市同步，所属驿站：“{station}”。第一次同步正在开始，进度显示在窗口底部的状态栏。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Join “{joined}”? If this is not the station this computer works for, answer No: none of this computer&apos;s cases or accounts is sent, and the city bureau gives you the right code.</source>
        <translation>确定加入“{joined}”吗？如果这不是这台电脑所属的驿站，请选“否”：这台电脑上的案件和账户都不会发送，请向市局索取正确的加入码。</translation>
    </message>
    <message>
        <source>None of this computer&apos;s cases or accounts was sent. Ask the city bureau for the code of station “{here}”, and tell it that this code, for “{joined}”, was used up.</source>
        <translation>这台电脑上的案件和账户都没有发送。请向市局索取“{here}”的加入码，并告知市局：“{joined}”的这个加入码已用掉。</translation>
    </message>
    <message>
        <source>Join another station?</source>
        <translation>加入其他驿站？</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>加入(&amp;J)</translation>
    </message>
    <message>
        <source>The server at this address did not prove it is the city server: its certificate is not trusted here. If the city runs its own certificates, choose the certificate file from the city bureau.</source>
        <translation>这个地址上的服务器无法证明自己是城市服务器：本机不信任它的证书。如果城市使用自建证书，请选择城市局提供的证书文件。</translation>
    </message>
    <message>
        <source>No city server answers at this address. Check the address and this computer&apos;s network connection, then try again.</source>
        <translation>这个地址没有城市服务器应答。请检查地址和本机的网络连接，然后重试。</translation>
    </message>
    <message>
        <source>If the city bureau gave an address starting with http://, type it so.</source>
        <translation>如果市局给的地址以 http:// 开头，请连同 http:// 一起填写。</translation>
    </message>
    <message>
        <source>The server at this address is not the city sync server (it may be the city&apos;s web page or another website). Check the address with the city bureau.</source>
        <translation>这个地址不是城市同步服务器（可能是市局的网页或其他网站），请向市局核对地址。</translation>
    </message>
    <message>
        <source>The city server had a problem and could not enrol this computer. Nothing was changed; try again in a few minutes.</source>
        <translation>城市服务器出现问题，未能加入。本机没有任何改动；请几分钟后重试。</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <source>Extend the mediation period</source>
        <translation>延长调解期限</translation>
    </message>
    <message>
        <source>&amp;Extend</source>
        <translation>延长(&amp;E)</translation>
    </message>
    <message>
        <source>Who agreed for the workers, and how (e.g. signed the minutes)</source>
        <translation>申请人一方谁同意、以何种方式（如在笔录上签字）</translation>
    </message>
    <message>
        <source>Who agreed for the employer, and how</source>
        <translation>被申请人一方谁同意、以何种方式</translation>
    </message>
    <message>
        <source>&amp;New end of mediation</source>
        <translation>新的调解截止日期(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Workers&apos; consent</source>
        <translation>申请人同意情况(&amp;W)</translation>
    </message>
    <message>
        <source>Emp&amp;loyer&apos;s consent</source>
        <translation>被申请人同意情况(&amp;L)</translation>
    </message>
</context>
<context>
    <name>FirstRunGuide</name>
    <message>
        <source>A new station: start here</source>
        <translation>新驿站：从这里开始</translation>
    </message>
    <message>
        <source>This station has no case yet. These steps get it ready; this guide goes once the first case is registered.</source>
        <translation>本站还没有案件。按下面几步做好准备；登记第一件案件后，这份引导就不再显示。</translation>
    </message>
    <message>
        <source>The station&apos;s administrator does this.</source>
        <translation>由驿站管理员完成。</translation>
    </message>
    <message>
        <source>Register the first complaint (Ctrl+N)</source>
        <translation>登记第一件投诉（Ctrl+N）</translation>
    </message>
    <message>
        <source>Open the demo station</source>
        <translation>打开演示站</translation>
    </message>
    <message>
        <source>Check the station&apos;s details and seal (settings)</source>
        <translation>检查驿站信息和印章（设置）</translation>
    </message>
    <message>
        <source>Documents carry the station&apos;s name, its mediation committee and seal: set the seal image, the court applications go to and the local minimum wage.</source>
        <translation>文书上印有驿站名称、调解委员会和印章：请设置调解组织印章图片、支付令等申请所向的法院和本地最低工资标准。</translation>
    </message>
    <message>
        <source>Add the staff&apos;s accounts</source>
        <translation>添加工作人员账户</translation>
    </message>
    <message>
        <source>Each coordinator and mediator signs in with an account of his own; the timeline names who did what.</source>
        <translation>每位协调员和调解员用自己的账户登录，办理记录写明谁做了什么。</translation>
    </message>
    <message>
        <source>Register the first complaint</source>
        <translation>登记第一件投诉</translation>
    </message>
    <message>
        <source>One worker or a collective; a collective&apos;s workers can come from a roster spreadsheet.</source>
        <translation>单人投诉或集体投诉；集体投诉的劳动者可以从花名册表格导入。</translation>
    </message>
    <message>
        <source>Connect to the city&apos;s platform</source>
        <translation>连接市平台同步</translation>
    </message>
    <message>
        <source>With the address and one-time code from the city bureau, the station&apos;s cases reach the city.</source>
        <translation>用市人社局提供的服务器地址和一次性加入码加入同步，本站的案件即报送到市平台。</translation>
    </message>
    <message>
        <source>Look around the demo station</source>
        <translation>看看演示站</translation>
    </message>
    <message>
        <source>A separate station of generated cases, in a window of its own, to try every step; it never mixes with this station&apos;s records.</source>
        <translation>一个装满生成案件的单独驿站，在自己的窗口中打开，可放心试用每一步，不会与本站的记录混在一起。</translation>
    </message>
    <message>
        <source>Demo station</source>
        <translation>演示站</translation>
    </message>
    <message>
        <source>The demo station could not be started. Start it with `heze-station --demo`.</source>
        <translation>无法启动演示站。请用 heze-station --demo 启动。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up – {name}</source>
        <translation>跟进记录 – {name}</translation>
    </message>
    <message>
        <source>&amp;Record follow-up</source>
        <translation>记录跟进(&amp;R)</translation>
    </message>
    <message>
        <source>What was seen, asked or put right</source>
        <translation>走访所见、要求整改或已整改的内容</translation>
    </message>
    <message>
        <source>&amp;What was done</source>
        <translation>跟进方式(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;By</source>
        <translation>跟进人(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>情况说明(&amp;N)</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Row {row}: {message}</source>
        <translation>第{row}行：{message}</translation>
    </message>
    <message>
        <source>What you typed here has not been saved. Close and discard it?</source>
        <translation>此处填写的内容尚未保存。关闭并放弃这些内容吗？</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>{name} and others, {count} workers</source>
        <translation>{name}等{count}人</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>不计算</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>ask the worker: see the limitation facts</source>
        <translation>请询问工人：见仲裁时效情况</translation>
    </message>
    <message>
        <source>not time-barred while the employment continues</source>
        <translation>劳动关系存续期间不受时效限制</translation>
    </message>
    <message>
        <source>stands still, {n} days were left when it began</source>
        <translation>时效中止，中止时尚余{n}天</translation>
    </message>
    <message>
        <source>stopped by the complaint, {n} days before it ran out</source>
        <translation>因投诉中断（距届满尚有{n}天）</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>done, {n} days late</source>
        <translation>已办结，逾期{n}天</translation>
    </message>
    <message>
        <source>{n} days left</source>
        <translation>剩余{n}天</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>{n} days overdue</source>
        <translation>已逾期{n}天</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Export unsent changes</source>
        <translation>导出未发送的更改</translation>
    </message>
    <message>
        <source>Import unsent changes</source>
        <translation>导入未发送的更改</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>The changes this computer could not send go to {file}, encrypted with your password. Take the file to another computer of the station, sign in there as yourself and import it: that computer sends them.</source>
        <translation>这台电脑未能发送的更改将导出到 {file}，并用您的密码加密。请把文件带到本站的另一台电脑，以您本人身份登录后导入，由那台电脑发送。</translation>
    </message>
    <message>
        <source>The changes in {file} are added to this computer&apos;s records and sent with its next sync. Only the administrator who exported them can import them, once.</source>
        <translation>{file} 中的更改将加入这台电脑的记录，并在下次同步时发送。只有导出它们的管理员可以导入，且只能导入一次。</translation>
    </message>
    <message>
        <source>Your &amp;password:</source>
        <translation>您的密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Search this guide (Ctrl+F)</source>
        <translation>在本指南中搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>上一个(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一个(&amp;N)</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>Register a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Fields marked * are required. Every entry is checked when you register.</source>
        <translation>带 * 的为必填项。登记时将逐项核验所填内容。</translation>
    </message>
    <message>
        <source>C&amp;lear form</source>
        <translation>清空表单(&amp;L)</translation>
    </message>
    <message>
        <source>Check and re&amp;gister</source>
        <translation>核验并登记(&amp;G)</translation>
    </message>
    <message>
        <source>Please choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉信息</translation>
    </message>
    <message>
        <source>Intake &amp;channel *</source>
        <translation>来源渠道(&amp;C) *</translation>
    </message>
    <message>
        <source>Ca&amp;tegory *</source>
        <translation>案由(&amp;T) *</translation>
    </message>
    <message>
        <source>Application &amp;received on *</source>
        <translation>收到申请日期(&amp;R) *</translation>
    </message>
    <message>
        <source>Worker &amp;knew of it on</source>
        <translation>知道权利受侵害之日(&amp;K)</translation>
    </message>
    <message>
        <source>What happened: where and when the workers worked, what is owed, what has been done about it.</source>
        <translation>请写明：劳动者何时在何处工作、被拖欠哪些款项、已采取过哪些措施。</translation>
    </message>
    <message>
        <source>Check the form, then confirm its summary to register (Ctrl+Enter)</source>
        <translation>检查表单，确认摘要后登记（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>&amp;Facts and reasons *</source>
        <translation>事实与理由(&amp;F) *</translation>
    </message>
    <message>
        <source>One item per line, e.g. attendance sheet, IOU, chat records</source>
        <translation>每行一项，如考勤表、欠条、聊天记录</translation>
    </message>
    <message>
        <source>E&amp;vidence</source>
        <translation>证据(&amp;V)</translation>
    </message>
    <message>
        <source>Limitation for arbitration</source>
        <translation>仲裁时效</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>尚不清楚</translation>
    </message>
    <message>
        <source>When the worker knew or should have known the rights were infringed; it starts the one-year limitation period. Ask the worker; until it is given the case shows the limitation as unknown.</source>
        <translation>劳动者知道或者应当知道其权利被侵害之日，自该日起计算一年仲裁时效。请向工人询问；未填写前，案件的仲裁时效显示为“未知”。</translation>
    </message>
    <message>
        <source>E&amp;mployment *</source>
        <translation>劳动关系(&amp;M) *</translation>
    </message>
    <message>
        <source>Wage arrears are not time-barred while the employment continues; once it ended, a year.</source>
        <translation>劳动关系存续期间因拖欠劳动报酬发生争议的，不受仲裁时效限制；劳动关系终止的，自终止之日起一年。</translation>
    </message>
    <message>
        <source>Employment &amp;ended on *</source>
        <translation>劳动关系终止日期(&amp;E) *</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>Worker&apos;s authorised agent (optional)</source>
        <translation>劳动者的委托代理人（选填）</translation>
    </message>
    <message>
        <source>Tick when a worker of a one-worker case acts through an agent with a letter of authority.</source>
        <translation>单人案件的劳动者凭授权委托书委托代理人时勾选。</translation>
    </message>
    <message>
        <source>Agent&apos;s na&amp;me *</source>
        <translation>代理人姓名(&amp;M) *</translation>
    </message>
    <message>
        <source>Agent&apos;s ID number *</source>
        <translation>代理人身份证号码 *</translation>
    </message>
    <message>
        <source>Agent&apos;s mobile phone</source>
        <translation>代理人手机号码</translation>
    </message>
    <message>
        <source>Special authorisation</source>
        <translation>特别授权</translation>
    </message>
    <message>
        <source>What the letter of authority lets the agent do, as it is worded there.</source>
        <translation>按授权委托书原文填写代理人的代理权限。</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Full name as on the business licence or ID card</source>
        <translation>与营业执照或身份证一致的全称</translation>
    </message>
    <message>
        <source>&amp;Name *</source>
        <translation>名称(&amp;N) *</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Construction project (optional)</source>
        <translation>工程项目（选填）</translation>
    </message>
    <message>
        <source>Tick for wages owed on a construction project: the general contractor pays first.</source>
        <translation>工程建设项目拖欠工资的请勾选：由总承包单位先行清偿。</translation>
    </message>
    <message>
        <source>&amp;Project name</source>
        <translation>项目名称(&amp;P)</translation>
    </message>
    <message>
        <source>Project address</source>
        <translation>项目地址</translation>
    </message>
    <message>
        <source>General contractor</source>
        <translation>总承包单位</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18位</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>e.g. the business licence was checked and really shows this code</source>
        <translation>如：已核对营业执照，确为此代码</translation>
    </message>
    <message>
        <source>Reason to keep this code *</source>
        <translation>保留此代码的理由 *</translation>
    </message>
    <message>
        <source>Some codes from early pilot regions are legal yet fail the check; they are kept only with a recorded reason.</source>
        <translation>部分早期试点地区的代码合法但无法通过校验，须记录理由后方可保留。</translation>
    </message>
    <message>
        <source>{count} / {maximum} characters</source>
        <translation>{count} / {maximum} 字</translation>
    </message>
    <message>
        <source>Looking for cases of the same workers or employer still in hand…</source>
        <translation>正在查找同一劳动者或用人单位尚在办理的案件…</translation>
    </message>
    <message>
        <source>Waiting for you to confirm the registration.</source>
        <translation>请确认是否登记。</translation>
    </message>
    <message>
        <source>Register this complaint as a new case?</source>
        <translation>将此投诉登记为新案件？</translation>
    </message>
    <message>
        <source>Register the complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Nothing was saved: please correct the {count} marked entries.</source>
        <translation>未保存：请更正标出的{count}处内容。</translation>
    </message>
    <message>
        <source>• {number} ({status}): {reason}</source>
        <translation>• {number}（{status}）：{reason}</translation>
    </message>
    <message>
        <source>This complaint may repeat {count} case(s) still open or being paid:

{cases}

Register it as a new case anyway?</source>
        <translation>此投诉可能与{count}件尚在办理或尚在履行的案件重复：

{cases}

仍然登记为新案件吗？</translation>
    </message>
    <message>
        <source>Repeat complaint</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <source>Register anyway</source>
        <translation>仍然登记</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>Category: {category}</source>
        <translation>案件类别：{category}</translation>
    </message>
    <message>
        <source>Workers: {count} ({names})</source>
        <translation>劳动者：{count}人（{names}）</translation>
    </message>
    <message>
        <source>Employer: {employer}</source>
        <translation>用人单位：{employer}</translation>
    </message>
    <message>
        <source>Amount claimed: {amount}</source>
        <translation>请求金额：{amount}</translation>
    </message>
    <message>
        <source>Not registered. The form is kept as it is.</source>
        <translation>未登记，表单内容已保留。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Case {number} has been registered.</source>
        <translation>案件{number}已登记。</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <source>Remove everything typed on this page? It has not been registered.</source>
        <translation>确定清空本页填写的全部内容吗？这些内容尚未登记。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Replace the form</source>
        <translation>替换表单内容</translation>
    </message>
    <message>
        <source>Replace what is typed on this page (not yet registered) with the clue&apos;s details?</source>
        <translation>用线索内容替换本页已填写（尚未登记）的内容吗？</translation>
    </message>
</context>
<context>
    <name>LedgerPane</name>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>Record follow-&amp;up…</source>
        <translation>记录跟进(&amp;U)…</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Claimants</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>请求金额</translation>
    </message>
    <message>
        <source>{count} shown</source>
        <translation>显示{count}条</translation>
    </message>
    <message>
        <source>nothing outstanding</source>
        <translation>暂无风险事项</translation>
    </message>
    <message>
        <source>Risk {level}: {reasons}</source>
        <translation>风险等级：{level}（{reasons}）</translation>
    </message>
    <message>
        <source>No follow-up recorded yet.</source>
        <translation>尚无跟进记录。</translation>
    </message>
    <message>
        <source>Latest follow-up: {kind} on {day} by {who}. {note}</source>
        <translation>最近跟进：{day} {who} {kind}。{note}</translation>
    </message>
    <message>
        <source>Cases of {name}: the latest {shown} of {count}</source>
        <translation>{name}的案件：共{count}件，显示最近{shown}件</translation>
    </message>
    <message>
        <source>Cases of {name} ({count})</source>
        <translation>{name}的案件（{count}件）</translation>
    </message>
</context>
<context>
    <name>LimitationDialog</name>
    <message>
        <source>Limitation facts</source>
        <translation>仲裁时效情况</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>尚不清楚</translation>
    </message>
    <message>
        <source>No suspension</source>
        <translation>无中止</translation>
    </message>
    <message>
        <source>Still suspended</source>
        <translation>仍在中止</translation>
    </message>
    <message>
        <source>Force majeure or other good reason, e.g. a flood</source>
        <translation>不可抗力或其他正当理由，如洪水</translation>
    </message>
    <message>
        <source>Worker &amp;knew of it on</source>
        <translation>知道权利受侵害之日(&amp;K)</translation>
    </message>
    <message>
        <source>E&amp;mployment</source>
        <translation>劳动关系(&amp;M)</translation>
    </message>
    <message>
        <source>Employment &amp;ended on</source>
        <translation>劳动关系终止日期(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Suspended from</source>
        <translation>中止起始日(&amp;S)</translation>
    </message>
    <message>
        <source>Suspended &amp;until</source>
        <translation>中止截止日(&amp;U)</translation>
    </message>
    <message>
        <source>Reason for the suspe&amp;nsion</source>
        <translation>中止事由(&amp;N)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Employers and projects</source>
        <translation>单位与项目</translation>
    </message>
    <message>
        <source>{title} (Ctrl+{number})</source>
        <translation>{title}（Ctrl+{number}）</translation>
    </message>
    <message>
        <source>heze-station · {station}</source>
        <translation>劳动争议调解工作站 · {station}</translation>
    </message>
    <message>
        <source>DEMO DATA</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Demo data: these cases are generated, not real. Real data is kept separately.</source>
        <translation>演示数据：以下案件均为自动生成，并非真实案件。真实数据单独保存。</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>文书(&amp;D)</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Not saved yet: {items}. Close the program and discard it?</source>
        <translation>还有尚未保存的内容：{items}。关闭程序并放弃这些内容吗？</translation>
    </message>
    <message>
        <source>Clues</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>&amp;Verify a document…</source>
        <translation>核验文书(&amp;V)…</translation>
    </message>
    <message>
        <source>Station &amp;seal image…</source>
        <translation>设置调解组织印章图片(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Archived case files…</source>
        <translation>归档案卷(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Court and minimum wage…</source>
        <translation>法院和最低工资(&amp;C)…</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>Sync &amp;status and log…</source>
        <translation>同步状态与日志(&amp;S)…</translation>
    </message>
    <message>
        <source>Settle &amp;conflicts…</source>
        <translation>处理冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Join city sync…</source>
        <translation>加入城市同步(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Export unsent changes…</source>
        <translation>导出未发送的更改(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import another computer&apos;s unsent changes…</source>
        <translation>导入其他电脑未发送的更改(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>修改我的密码(&amp;C)…</translation>
    </message>
    <message>
        <source>Station &amp;accounts…</source>
        <translation>本站账户(&amp;A)…</translation>
    </message>
    <message>
        <source>Audit &amp;trail…</source>
        <translation>审计日志(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Backups and restore…</source>
        <translation>备份与恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>用户指南(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About heze-station</source>
        <translation>关于菏谐驿站(&amp;A)</translation>
    </message>
    <message>
        <source>Station: {station}   User: {user} ({role})</source>
        <translation>驿站：{station}   用户：{user}（{role}）</translation>
    </message>
    <message>
        <source>Filled from clue {ref}: check every field, add the ID number, then register.</source>
        <translation>已根据线索{ref}填写：请逐项核对，补充身份证号码后再登记。</translation>
    </message>
    <message>
        <source>Verify a document</source>
        <translation>核验文书</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文书 (*.pdf)</translation>
    </message>
    <message>
        <source>The audit trail was altered</source>
        <translation>审计日志被改动过</translation>
    </message>
    <message>
        <source>Show the audit trail</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <source>Restore the latest backup now (Account › Backups and restore); the file as it is now is kept.</source>
        <translation>请立即恢复最新的备份（账户 › 备份与恢复）；当前的文件会另行保留。</translation>
    </message>
    <message>
        <source>Tell the administrator, who can restore the latest backup in Account › Backups and restore.</source>
        <translation>请告诉管理员，由管理员在“账户 › 备份与恢复”中恢复最新的备份。</translation>
    </message>
    <message>
        <source>The station&apos;s data file is damaged</source>
        <translation>本站数据文件已损坏</translation>
    </message>
    <message>
        <source>The check at start found damaged parts in the station&apos;s data file. Stop typing new records.</source>
        <translation>启动检查发现本站数据文件中有损坏的部分。请暂停录入新的记录。</translation>
    </message>
    <message>
        <source>Backups and restore…</source>
        <translation>备份与恢复…</translation>
    </message>
    <message>
        <source>The disk is nearly full</source>
        <translation>磁盘空间即将用完</translation>
    </message>
    <message>
        <source>Export unsent changes</source>
        <translation>导出未发送的更改</translation>
    </message>
    <message>
        <source>Unsent changes (*.heze)</source>
        <translation>未发送的更改 (*.heze)</translation>
    </message>
    <message>
        <source>Import unsent changes</source>
        <translation>导入未发送的更改</translation>
    </message>
    <message>
        <source>{count} unsent changes were exported to {file}.</source>
        <translation>{count} 项未发送的更改已导出到 {file}。</translation>
    </message>
    <message>
        <source>{count} changes were imported; they are sent with the next sync.</source>
        <translation>已导入 {count} 项更改，将在下次同步时发送。</translation>
    </message>
    <message>
        <source>the complaint on 登记, not registered</source>
        <translation>“登记”页上的投诉，尚未登记</translation>
    </message>
    <message>
        <source>a minutes entry of case {number}, not added</source>
        <translation>案件{number}的笔录条目，尚未记入</translation>
    </message>
    <message>
        <source>“{title}”, not saved</source>
        <translation>“{title}”中填写的内容，尚未保存</translation>
    </message>
    <message>
        <source>Close the program</source>
        <translation>关闭程序</translation>
    </message>
    <message>
        <source>Discard and close</source>
        <translation>放弃并关闭</translation>
    </message>
</context>
<context>
    <name>MediationTab</name>
    <message>
        <source>Held at</source>
        <translation>调解时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>笔录</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>到场人员</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>记录调解会(&amp;N)…</translation>
    </message>
    <message>
        <source>E&amp;xtend period…</source>
        <translation>延长调解期限(&amp;X)…</translation>
    </message>
    <message>
        <source>Attach photo or &amp;scan…</source>
        <translation>添加照片或扫描件(&amp;S)…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>What was said, proposed or decided</source>
        <translation>陈述、调解方案或调解结果</translation>
    </message>
    <message>
        <source>&amp;Add to minutes</source>
        <translation>记入笔录(&amp;A)</translation>
    </message>
    <message>
        <source>Parties have s&amp;igned the minutes…</source>
        <translation>当事人已在笔录上签字(&amp;I)…</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>open, {n} entries</source>
        <translation>未签字，{n} 条</translation>
    </message>
    <message>
        <source>Attachments: {names}</source>
        <translation>附件：{names}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source> of no. {n}</source>
        <translation>（第{n}条）</translation>
    </message>
    <message>
        <source>corrects no. {n}</source>
        <translation>更正第{n}条</translation>
    </message>
    <message>
        <source>Minutes of {moment} (signed: only corrections can be added)</source>
        <translation>{moment} 调解笔录（已签字：只能增加更正）</translation>
    </message>
    <message>
        <source>Minutes signed</source>
        <translation>笔录已签字</translation>
    </message>
    <message>
        <source>Have the parties read the minutes and signed every page (以上笔录我已看过，与我所说一致)? After this the minutes can only be corrected by new entries.</source>
        <translation>当事人是否已阅读笔录并在每页签字（“以上笔录我已看过，与我所说一致”）？确认后笔录只能以新增更正条目的方式修改。</translation>
    </message>
    <message>
        <source>Attach a photo or scan</source>
        <translation>添加照片或扫描件</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>照片和扫描件 (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
</context>
<context>
    <name>MultiChoice</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>Notice of refusal served</source>
        <translation>不予受理通知书已送达</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Served on</source>
        <translation>送达日期(&amp;S)</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Record a payment</source>
        <translation>登记付款</translation>
    </message>
    <message>
        <source>&amp;Record payment</source>
        <translation>登记付款(&amp;R)</translation>
    </message>
    <message>
        <source>{amount} due next</source>
        <translation>下一期应付 {amount}</translation>
    </message>
    <message>
        <source>Transfer number, or who received the cash</source>
        <translation>转账流水号，或现金签收人</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>选择文件(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Paid on</source>
        <translation>付款日期(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Amount (yuan)</source>
        <translation>金额（元）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>支付方式(&amp;M)</translation>
    </message>
    <message>
        <source>Re&amp;ference</source>
        <translation>转账流水号/经手人(&amp;F)</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>付款凭证文件</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>照片和扫描件 (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print preview: {title}</source>
        <translation>打印预览：{title}</translation>
    </message>
    <message>
        <source>{pages} pages</source>
        <translation>共 {pages} 页</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>导出PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>打印{title}</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>No printer is installed on this computer, so the document cannot be printed here.</source>
        <translation>这台电脑没有安装打印机，无法在此打印。</translation>
    </message>
    <message>
        <source>Ask a mediator or the administrator to export it as a PDF file and print it elsewhere.</source>
        <translation>请调解员或管理员将其导出为PDF文件，在其他电脑上打印。</translation>
    </message>
    <message>
        <source>Export it as a PDF file and print it on a computer that has a printer.</source>
        <translation>请将其导出为PDF文件，在装有打印机的电脑上打印。</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF文档 (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Forgot password</source>
        <translation>忘记密码</translation>
    </message>
    <message>
        <source>Set the new password and sign in</source>
        <translation>设置新密码并登录</translation>
    </message>
    <message>
        <source>Type the recovery key from the sheet it was copied onto when this computer was set up (or, if the sheet is lost too, the code the city bureau reads out: it starts with CITY), the login of the account to recover (usually the administrator&apos;s) and its new password.</source>
        <translation>请输入这台电脑设置时抄写在密钥单上的恢复密钥（密钥单也丢失时，输入市局念给您的恢复码，以 CITY 开头），要恢复的账户的登录名（通常是管理员）和新密码。</translation>
    </message>
    <message>
        <source>&amp;Recovery key:</source>
        <translation>恢复密钥(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>新密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>再次输入密码(&amp;G)：</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>The program closed before a copy of the recovery key was checked, so it is shown once more. Until a copy is checked it stays on this computer, sealed so that only your password opens it.</source>
        <translation>上次设置本站时，程序在核对恢复密钥的抄写之前关闭了，所以现在再显示一次。核对之前，密钥加密保存在这台电脑上，只有您的密码能打开。</translation>
    </message>
    <message>
        <source>The station&apos;s records are encrypted. If every password is forgotten, or this computer&apos;s key file is damaged, only this recovery key opens them. It is never printed, and once your copy is checked it is kept nowhere on this computer: print the sheet to copy it onto (or take any paper), copy the key by hand, type your copy below to check it, then seal it in an envelope and keep it locked away from this computer.</source>
        <translation>本站数据已加密。所有密码都遗忘或本机密钥文件损坏时，只有这个恢复密钥能打开。密钥不会打印；抄写核对之后，电脑上也不再保存：请打印密钥单（或另取一张纸），把密钥逐格手写上去，再在下面输入一遍核对，然后装入信封封存，锁在别处保管，不要与电脑放在一起。</translation>
    </message>
    <message>
        <source>&amp;Print the sheet to copy the key onto…</source>
        <translation>打印密钥单(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Type the key from your paper:</source>
        <translation>输入纸上抄写的密钥(&amp;T)：</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>The copy is right. Keep the paper safe.</source>
        <translation>抄写无误。请妥善保管这张纸。</translation>
    </message>
    <message>
        <source>The copy differs from the key on the screen: check each group.</source>
        <translation>抄写的密钥与屏幕上的不一致，请逐组核对。</translation>
    </message>
    <message>
        <source>Recovery sheet</source>
        <translation>恢复密钥单</translation>
    </message>
</context>
<context>
    <name>RegistryView</name>
    <message>
        <source>Repeat complaints: this one is kept on the ledger and followed up.</source>
        <translation>重复投诉：已列入台账，跟踪办理。</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Name or credit code</source>
        <translation>名称或统一社会信用代码</translation>
    </message>
    <message>
        <source>Select an employer above to see its cases.</source>
        <translation>在上方选择用人单位，即可查看其案件。</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>工程项目</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>General contractor</source>
        <translation>总承包单位</translation>
    </message>
    <message>
        <source>Employers and projects with the most open cases come first; those with {count} or more complaints are marked in red and kept on the repeat-complaint ledger. Risk is high for an agreement in default, an open collective dispute or large arrears; medium for arrears or repeat complaints within 90 days. Click a column&apos;s header to sort by it.</source>
        <translation>在办案件最多的用人单位和工程项目排在最前；被投诉{count}次及以上的以红色标出，列入重复投诉台账。有协议逾期未履行、在办集体争议或欠薪数额较大的为高风险；有欠薪未清或90天内重复投诉的为中风险。点击列标题可按该列排序。</translation>
    </message>
    <message>
        <source>E&amp;xport ledger…</source>
        <translation>导出台账(&amp;X)…</translation>
    </message>
    <message>
        <source>{station} ledger {day}.xlsx</source>
        <translation>{station} 台账 {day}.xlsx</translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <source>{count} employers and projects exported to {file}</source>
        <translation>已将 {count} 个用人单位和工程项目导出到 {file}</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>风险原因</translation>
    </message>
    <message>
        <source>Complaints within 90 days</source>
        <translation>90天内投诉</translation>
    </message>
    <message>
        <source>Open collective cases</source>
        <translation>在办集体争议</translation>
    </message>
    <message>
        <source>Agreements in default</source>
        <translation>逾期协议</translation>
    </message>
    <message>
        <source>Arrears outstanding</source>
        <translation>欠薪未清</translation>
    </message>
    <message>
        <source>Latest follow-up</source>
        <translation>最近跟进</translation>
    </message>
    <message>
        <source>Workers involved</source>
        <translation>涉及劳动者人数</translation>
    </message>
    <message>
        <source>Project, address or general contractor</source>
        <translation>项目名称、地址或总承包单位</translation>
    </message>
    <message>
        <source>Select a project above to see its cases.</source>
        <translation>在上方选择工程项目，即可查看其案件。</translation>
    </message>
    <message>
        <source>&amp;Employers</source>
        <translation>用人单位(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Projects</source>
        <translation>工程项目(&amp;P)</translation>
    </message>
    <message>
        <source>{code} (checksum override)</source>
        <translation>{code}（校验例外）</translation>
    </message>
    <message>
        <source>This code fails the national checksum and was kept on purpose, with a recorded reason (some early pilot-region codes do).</source>
        <translation>该代码未通过国家标准校验，已记录理由后保留（部分早期试点地区的代码存在这种情况）。</translation>
    </message>
</context>
<context>
    <name>RemoveWorkerDialog</name>
    <message>
        <source>Remove a worker</source>
        <translation>移除工人</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Worker leaving</source>
        <translation>退出的工人</translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation>理由(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>A new password for {name} ({login}). Tell it to them; they can change it after signing in.</source>
        <translation>为 {name}（{login}）设置新密码。请告知本人，本人登录后可自行修改。</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>新密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>再次输入密码(&amp;G)：</translation>
    </message>
</context>
<context>
    <name>ReviewDateDialog</name>
    <message>
        <source>Arbitral mediation document received</source>
        <translation>收到仲裁调解书</translation>
    </message>
    <message>
        <source>Joint application made</source>
        <translation>已共同申请仲裁审查</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>C&amp;hoose scan…</source>
        <translation>选择扫描件(&amp;H)…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>仲裁调解书</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.png)</source>
        <translation>扫描件 (*.pdf *.jpg *.png)</translation>
    </message>
</context>
<context>
    <name>RosterImport</name>
    <message>
        <source>Import workers from a roster</source>
        <translation>从花名册导入工人</translation>
    </message>
    <message>
        <source>Rosters (*.xlsx *.csv *.xls)</source>
        <translation>花名册 (*.xlsx *.csv *.xls)</translation>
    </message>
    <message>
        <source>Reading and checking the roster…</source>
        <translation>正在读取并检查花名册…</translation>
    </message>
    <message>
        <source>Import the roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <source>The table already lists {present} workers. Replace them with the {count} workers of the roster, or add the roster below them?</source>
        <translation>表格中已有 {present} 名工人。用花名册中的 {count} 名工人替换他们，还是添加在其后？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Add below</source>
        <translation>添加在后面</translation>
    </message>
    <message>
        <source>{count} workers were taken from the roster. Complete the rest of the form, then register.</source>
        <translation>已从花名册导入 {count} 名工人。请填写表单其余内容后登记。</translation>
    </message>
    <message>
        <source>Save the roster template</source>
        <translation>保存花名册模板</translation>
    </message>
    <message>
        <source>roster template.xlsx</source>
        <translation>花名册模板.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Roster template saved as {path}. Fill in one worker per row, then import it.</source>
        <translation>花名册模板已保存为 {path}。每行填写一名工人，填好后导入。</translation>
    </message>
    <message>
        <source>The template could not be saved: {reason}</source>
        <translation>无法保存模板：{reason}</translation>
    </message>
</context>
<context>
    <name>RosterReportDialog</name>
    <message>
        <source>Roster check</source>
        <translation>花名册检查</translation>
    </message>
    <message>
        <source>Roster: {file}</source>
        <translation>花名册：{file}</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Nothing has been imported. Correct these rows in the spreadsheet, save it, and import it again.</source>
        <translation>未导入任何内容。请在表格中改正这些行，保存后重新导入。</translation>
    </message>
    <message>
        <source>&amp;Import {count} workers</source>
        <translation>导入 {count} 名工人(&amp;I)</translation>
    </message>
    <message>
        <source>Nothing has been imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <source>All {count} workers are correct: {representatives} representatives, total claimed {amount}.</source>
        <translation>全部 {count} 名工人信息无误：代表 {representatives} 名，请求金额合计 {amount}。</translation>
    </message>
    <message>
        <source>{bad} of {count} rows have problems.</source>
        <translation>{count} 行中有 {bad} 行有问题。</translation>
    </message>
    <message>
        <source>Row {rows} holds a total and was not read as a worker.</source>
        <translation>第 {rows} 行是合计行，未作为工人读取。</translation>
    </message>
    <message>
        <source>{column}: {message}</source>
        <translation>{column}：{message}</translation>
    </message>
</context>
<context>
    <name>SealSettingsDialog</name>
    <message>
        <source>Station seal image</source>
        <translation>调解组织印章图片</translation>
    </message>
    <message>
        <source>The documents print this image over the station&apos;s name. Use a PNG with a transparent background, scanned from the seal itself.</source>
        <translation>文书在调解组织名称处套印此图片。请使用由印章本身扫描所得、透明背景的 PNG 图片。</translation>
    </message>
    <message>
        <source>&amp;Choose image…</source>
        <translation>选择图片(&amp;C)…</translation>
    </message>
    <message>
        <source>No seal image yet: the documents print the seal block empty.</source>
        <translation>尚未设置印章图片：文书的盖章处将留空。</translation>
    </message>
    <message>
        <source>Seal image with a transparent background (*.png)</source>
        <translation>透明背景的印章图片 (*.png)</translation>
    </message>
    <message>
        <source>{name} is not an image that can be read.</source>
        <translation>{name} 不是可读取的图片。</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>Record service of a document</source>
        <translation>记录文书送达</translation>
    </message>
    <message>
        <source>&amp;Record and print receipt</source>
        <translation>记录并打印送达回证(&amp;R)</translation>
    </message>
    <message>
        <source>Where the document was served</source>
        <translation>文书送达的地址</translation>
    </message>
    <message>
        <source>e.g. wife, son</source>
        <translation>如：妻子、儿子</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>姓名，以逗号分隔</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>文书(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Served on</source>
        <translation>送达日期(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Address of service</source>
        <translation>送达地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>送达方式(&amp;H)</translation>
    </message>
    <message>
        <source>Dat&amp;e</source>
        <translation>日期(&amp;E)</translation>
    </message>
    <message>
        <source>Taken by (family member or agent)</source>
        <translation>代收人（家属或代理人）</translation>
    </message>
    <message>
        <source>Relation to the recipient</source>
        <translation>与受送达人的关系</translation>
    </message>
    <message>
        <source>&amp;Witnesses of the refusal</source>
        <translation>拒收见证人(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Tracking number</source>
        <translation>邮件号码(&amp;T)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The station&apos;s records could not be opened: {error}</source>
        <translation>无法打开本站的记录：{error}</translation>
    </message>
    <message>
        <source>heze-station cannot start</source>
        <translation>劳动争议调解工作站无法启动</translation>
    </message>
    <message>
        <source>The station&apos;s data file is damaged</source>
        <translation>本站数据文件已损坏</translation>
    </message>
    <message>
        <source>The station&apos;s administrator can put the latest backup in its place now; the damaged file is kept aside. Changes made after that backup that were already sent come back from the city at the next sync.</source>
        <translation>本站管理员现在可以用最新的备份替换它；已损坏的文件会另行保留。该备份之后所做、且已同步到市里的修改，会在下次同步时取回。</translation>
    </message>
    <message>
        <source>Restore the latest backup</source>
        <translation>恢复最新的备份</translation>
    </message>
    <message>
        <source>Restore from another folder…</source>
        <translation>从其他文件夹恢复…</translation>
    </message>
    <message>
        <source>The folder with the station&apos;s backups</source>
        <translation>存放本站备份的文件夹</translation>
    </message>
    <message>
        <source>Sign in as another account</source>
        <translation>用其他账户登录</translation>
    </message>
    <message>
        <source>{name} has not saved: {items}. Signing in as another account closes it unsaved.</source>
        <translation>{name}尚有未保存的内容：{items}。用其他账户登录将关闭这些内容，不予保存。</translation>
    </message>
    <message>
        <source>Discard and sign in</source>
        <translation>放弃并登录</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>The backup was restored. The records as they were before are kept in {folder}. Please sign in again.</source>
        <translation>备份已恢复。恢复前的数据保存在 {folder}。请重新登录。</translation>
    </message>
    <message>
        <source>Quit the program</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <source>Discard and quit</source>
        <translation>放弃并退出</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Record a mediation session</source>
        <translation>记录调解会</translation>
    </message>
    <message>
        <source>&amp;Record session</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>e.g. the applicant in person, or the elected representatives</source>
        <translation>例如：申请人本人，或推选的工人代表</translation>
    </message>
    <message>
        <source>e.g. the employer&apos;s authorised handler</source>
        <translation>例如：用人单位委托的经办人</translation>
    </message>
    <message>
        <source>Both parties&apos; identity documents were checked</source>
        <translation>已核对双方当事人身份证件</translation>
    </message>
    <message>
        <source>The parties were told their rights and duties and that they may ask a mediator to withdraw</source>
        <translation>已告知当事人权利义务及申请调解员回避的权利</translation>
    </message>
    <message>
        <source>Leave empty if nobody asked a mediator to withdraw</source>
        <translation>无人申请回避时留空</translation>
    </message>
    <message>
        <source>&amp;Date and time</source>
        <translation>时间(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Where</source>
        <translation>调解场所(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>具体地点(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Mediators</source>
        <translation>调解员(&amp;M)</translation>
    </message>
    <message>
        <source>Re&amp;corder</source>
        <translation>记录人(&amp;C)</translation>
    </message>
    <message>
        <source>Present for the wor&amp;kers</source>
        <translation>申请人一方到场人员(&amp;K)</translation>
    </message>
    <message>
        <source>Present for the &amp;employer</source>
        <translation>被申请人一方到场人员(&amp;E)</translation>
    </message>
    <message>
        <source>Identity check</source>
        <translation>身份核对</translation>
    </message>
    <message>
        <source>Rights and recusal</source>
        <translation>权利告知与回避</translation>
    </message>
    <message>
        <source>Rec&amp;usal request</source>
        <translation>回避申请(&amp;U)</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up this station</source>
        <translation>设置本站</translation>
    </message>
    <message>
        <source>Set up and sign in</source>
        <translation>完成设置并登录</translation>
    </message>
    <message>
        <source>Welcome. Before the first case, tell heze-station which station this is: its documents carry these names. Then choose the administrator&apos;s login and password; the administrator adds the other accounts later (账户 › 本站账户).</source>
        <translation>欢迎使用。登记第一个案件之前，请先填写本站信息：打印的文书将使用这些名称。然后设置管理员的登录名和密码；其他人员的账户由管理员稍后添加（账户 › 本站账户）。</translation>
    </message>
    <message>
        <source>This computer already holds the station&apos;s records from an earlier version. They are kept; from now on everyone signs in with their own account.</source>
        <translation>这台电脑上已有旧版本保存的本站数据，将全部保留；今后每个人都用自己的账户登录。</translation>
    </message>
    <message>
        <source>This computer replaces one of the station&apos;s: restore its &amp;backup…</source>
        <translation>这台电脑替换本站原有的电脑：从备份恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the backup (a folder named by date and time, in the backups folder or on the USB stick): its records become this computer&apos;s, and its accounts sign in with their passwords.</source>
        <translation>选择备份（备份文件夹或U盘中以日期时间命名的文件夹）：备份中的数据成为这台电脑的数据，原有账户用原来的密码登录。</translation>
    </message>
    <message>
        <source>Station &amp;name:</source>
        <translation>驿站名称(&amp;N)：</translation>
    </message>
    <message>
        <source>e.g. 万福街道菏谐驿站</source>
        <translation>例如：万福街道菏谐驿站</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Mediation committee:</source>
        <translation>调解委员会(&amp;M)：</translation>
    </message>
    <message>
        <source>e.g. 菏泽市牡丹区万福街道劳动争议调解委员会</source>
        <translation>例如：菏泽市牡丹区万福街道劳动争议调解委员会</translation>
    </message>
    <message>
        <source>A&amp;rbitration committee it refers to:</source>
        <translation>移送的仲裁委员会(&amp;R)：</translation>
    </message>
    <message>
        <source>A&amp;dministrator&apos;s name:</source>
        <translation>管理员姓名(&amp;D)：</translation>
    </message>
    <message>
        <source>Administrator&apos;s &amp;login:</source>
        <translation>管理员登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>再次输入密码(&amp;G)：</translation>
    </message>
    <message>
        <source>The backup to restore</source>
        <translation>要恢复的备份</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>恢复这个备份？</translation>
    </message>
    <message>
        <source>Restore the backup of station “{station}” made on {made} ({cases} cases)? Its records and accounts become this computer&apos;s.</source>
        <translation>恢复“{station}”于{made}所做的备份（{cases}件案件）吗？备份中的数据和账户将成为这台电脑的数据和账户。</translation>
    </message>
    <message>
        <source>(name not recorded)</source>
        <translation>（未记录名称）</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>heze-station · sign in</source>
        <translation>菏谐驿站 · 登录</translation>
    </message>
    <message>
        <source>菏谐驿站 · labour-dispute mediation</source>
        <translation>菏谐驿站 · 劳动争议调解</translation>
    </message>
    <message>
        <source>Locked: the administrator disabled the account that was signed in. Another account may sign in.</source>
        <translation>已锁定：管理员已停用刚才登录的账户。请用其他账户登录。</translation>
    </message>
    <message>
        <source>Locked. Sign in again to go on, or sign in as another account to switch user.</source>
        <translation>已锁定。重新输入密码继续工作，或用其他账户登录以切换用户。</translation>
    </message>
    <message>
        <source>Sign in with your account to open the station&apos;s records.</source>
        <translation>请用您的账户登录，打开本站数据。</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Forgot password…</source>
        <translation>忘记密码(&amp;F)…</translation>
    </message>
    <message>
        <source>Demo station: sign in as {admin} (administrator), {coordinator} (coordinator) or {mediator} (mediator), each with the password {password}.</source>
        <translation>演示驿站：可用 {admin}（管理员）、{coordinator}（协调员）或 {mediator}（调解员）登录，密码均为 {password}。</translation>
    </message>
    <message>
        <source>Please enter your login.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>SignatureCollector</name>
    <message>
        <source>&amp;Name of the signer</source>
        <translation>签字人姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Undo stroke</source>
        <translation>撤销一笔(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;kip for later</source>
        <translation>稍后再签(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Record signature</source>
        <translation>登记签字(&amp;R)</translation>
    </message>
    <message>
        <source>Everyone has signed.</source>
        <translation>各方均已签字。</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <source>{role}: {name}</source>
        <translation>{role}：{name}</translation>
    </message>
    <message>
        <source>(later)</source>
        <translation>（稍后）</translation>
    </message>
    <message>
        <source>Still missing ({n}):</source>
        <translation>尚缺（{n}项）：</translation>
    </message>
    <message>
        <source>Nothing is missing.</source>
        <translation>已齐备，无缺项。</translation>
    </message>
    <message>
        <source>Now signing: {name} ({role})</source>
        <translation>现在签字：{name}（{role}）</translation>
    </message>
    <message>
        <source>Now signing: {role}</source>
        <translation>现在签字：{role}</translation>
    </message>
    <message>
        <source>Nothing is signed yet: sign in the box, or skip this signer for later.</source>
        <translation>尚未签字：请在框内签字，或将此人留待稍后再签。</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Signature of the {role}</source>
        <translation>{role}签名</translation>
    </message>
    <message>
        <source>{name} ({role}), please sign in the box below.</source>
        <translation>请{name}（{role}）在下面的框内签名。</translation>
    </message>
    <message>
        <source>&amp;Undo stroke</source>
        <translation>撤销一笔(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>Nothing is signed yet: sign in the box, or cancel.</source>
        <translation>尚未签名：请在框内签名，或点击取消。</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign here with the mouse, a pen or a finger.</source>
        <translation>可用鼠标、手写笔或手指在此签名。</translation>
    </message>
</context>
<context>
    <name>SignerDialog</name>
    <message>
        <source>Record a signature</source>
        <translation>登记签字</translation>
    </message>
    <message>
        <source>&amp;Record signature</source>
        <translation>登记签字(&amp;R)</translation>
    </message>
    <message>
        <source>on paper (no signature drawn here)</source>
        <translation>在纸质文书上签字（未在此手写）</translation>
    </message>
    <message>
        <source>&amp;Draw signature…</source>
        <translation>手写签名(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Signs as</source>
        <translation>签字身份(&amp;S)</translation>
    </message>
    <message>
        <source>For &amp;worker</source>
        <translation>对应工人(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Name of the signer</source>
        <translation>签字人姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>drawn on the pad</source>
        <translation>已在签名板上签名</translation>
    </message>
</context>
<context>
    <name>SplitPaymentDialog</name>
    <message>
        <source>Pay each worker</source>
        <translation>按工人分别付款</translation>
    </message>
    <message>
        <source>&amp;Record payments</source>
        <translation>登记付款(&amp;R)</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>工人</translation>
    </message>
    <message>
        <source>Still owed</source>
        <translation>尚欠金额</translation>
    </message>
    <message>
        <source>Paid now (yuan)</source>
        <translation>本次支付（元）</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Transfer number or who paid</source>
        <translation>转账流水号或经手人</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>付款凭证</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>照片和扫描件 (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Wages go to each worker himself: by transfer to the account in his own name that the agreement names, or in cash against a receipt he signs. Leave the amount empty for those not paid now.</source>
        <translation>工资直接支付给工人本人：转入协议载明的本人银行账户，或以现金支付并由本人签收。本次未付款的工人，金额留空。</translation>
    </message>
    <message>
        <source>&amp;Paid on</source>
        <translation>付款日期(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>工人(&amp;W)</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Dates of my choice</source>
        <translation>自选日期</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>◀ Ea&amp;rlier</source>
        <translation>◀ 上一期(&amp;R)</translation>
    </message>
    <message>
        <source>La&amp;ter ▶</source>
        <translation>下一期(&amp;T) ▶</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Export PD&amp;F…</source>
        <translation>导出 PDF(&amp;F)…</translation>
    </message>
    <message>
        <source>Cases received by group</source>
        <translation>受理案件分类</translation>
    </message>
    <message>
        <source>Double-click a figure, or select it and press Enter, to list the cases behind it.</source>
        <translation>双击某项指标，或选中后按回车键，即可查看该指标对应的案件。</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export the return</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <source>Exported to {file}</source>
        <translation>已导出到 {file}</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Grouped</source>
        <translation>分类方式</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Cases received</source>
        <translation>受理案件</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>&amp;Record</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>e.g. (2026)鲁1702民特123号</source>
        <translation>例如（2026）鲁1702民特123号</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>C&amp;hoose scan…</source>
        <translation>选择扫描件(&amp;H)…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.png)</source>
        <translation>扫描件 (*.pdf *.jpg *.png)</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <source>Document &amp;number</source>
        <translation>文书编号(&amp;N)</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>The same data was changed on two computers; click to choose which value is right.</source>
        <translation>两台电脑修改了同一项数据；点击这里选择正确的值。</translation>
    </message>
    <message>
        <source>Records received from the city server that this computer could not save. They are kept and tried again after every sync; everything else was saved. Click for the sync log.</source>
        <translation>从城市服务器收到、但本机无法保存的记录。这些记录已保留，每次同步后都会重试；其余记录均已保存。点击查看同步日志。</translation>
    </message>
    <message>
        <source>{n} conflicts</source>
        <translation>{n} 个冲突</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Party (person)</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Construction project</source>
        <translation>工程项目</translation>
    </message>
    <message>
        <source>Applicant of a case</source>
        <translation>案件申请人</translation>
    </message>
    <message>
        <source>Respondent of a case</source>
        <translation>案件被申请人</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Mediation session</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <source>Mediation minutes</source>
        <translation>调解笔录</translation>
    </message>
    <message>
        <source>Mediation agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <source>Instalment</source>
        <translation>分期付款</translation>
    </message>
    <message>
        <source>Worker&apos;s share of an agreement</source>
        <translation>协议中劳动者的份额</translation>
    </message>
    <message>
        <source>Signature on an agreement</source>
        <translation>协议签名</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款记录</translation>
    </message>
    <message>
        <source>Arbitral review</source>
        <translation>仲裁审查确认</translation>
    </message>
    <message>
        <source>Court, arbitration or inspection step</source>
        <translation>法院、仲裁或监察程序</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>证人</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Issued document</source>
        <translation>已出具的文书</translation>
    </message>
    <message>
        <source>Service of a document</source>
        <translation>文书送达</translation>
    </message>
    <message>
        <source>Ledger follow-up</source>
        <translation>台账跟进</translation>
    </message>
    <message>
        <source>Wage-arrears clue</source>
        <translation>欠薪线索</translation>
    </message>
    <message>
        <source>Work on a clue</source>
        <translation>线索办理</translation>
    </message>
    <message>
        <source>Timeline entry</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>驿站</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>How the complaint came in</source>
        <translation>申请方式</translation>
    </message>
    <message>
        <source>Kind of dispute</source>
        <translation>争议类别</translation>
    </message>
    <message>
        <source>Registered at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Application received on</source>
        <translation>收到申请日期</translation>
    </message>
    <message>
        <source>Date the worker knew of the infringement</source>
        <translation>知道权利受侵害日期</translation>
    </message>
    <message>
        <source>Date of the decision to accept or refuse</source>
        <translation>受理决定日期</translation>
    </message>
    <message>
        <source>Mediation started on</source>
        <translation>开始调解日期</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>终结日期</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Facts and reasons</source>
        <translation>事实与理由</translation>
    </message>
    <message>
        <source>Collective case</source>
        <translation>集体争议</translation>
    </message>
    <message>
        <source>Number of workers</source>
        <translation>劳动者人数</translation>
    </message>
    <message>
        <source>Total amount claimed</source>
        <translation>请求总金额</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Mediation extended to</source>
        <translation>调解期限延长至</translation>
    </message>
    <message>
        <source>Notice of refusal served on</source>
        <translation>不予受理通知书送达日期</translation>
    </message>
    <message>
        <source>Limitation period restarts on</source>
        <translation>时效重新起算日期</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>劳动关系</translation>
    </message>
    <message>
        <source>Employment ended on</source>
        <translation>劳动关系终止日期</translation>
    </message>
    <message>
        <source>Limitation suspended from</source>
        <translation>时效中止起始日</translation>
    </message>
    <message>
        <source>Limitation suspended until</source>
        <translation>时效中止截止日</translation>
    </message>
    <message>
        <source>Reason for the suspension</source>
        <translation>中止事由</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Kind of employer</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Why a failing credit code was kept</source>
        <translation>信用代码未通过校验仍保留的理由</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>General contractor</source>
        <translation>总承包单位</translation>
    </message>
    <message>
        <source>Held at</source>
        <translation>调解时间</translation>
    </message>
    <message>
        <source>Where it was held</source>
        <translation>调解地点类型</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>调解地点</translation>
    </message>
    <message>
        <source>Mediators</source>
        <translation>调解员</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Present for the workers</source>
        <translation>劳动者一方到场人员</translation>
    </message>
    <message>
        <source>Present for the employer</source>
        <translation>用人单位一方到场人员</translation>
    </message>
    <message>
        <source>Identities checked</source>
        <translation>已核对身份</translation>
    </message>
    <message>
        <source>Rights and duties read out</source>
        <translation>已告知权利义务</translation>
    </message>
    <message>
        <source>Recusal</source>
        <translation>回避情况</translation>
    </message>
    <message>
        <source>Minutes signed at</source>
        <translation>笔录签名时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date of the agreement</source>
        <translation>协议日期</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付款人</translation>
    </message>
    <message>
        <source>Payer&apos;s role</source>
        <translation>付款人身份</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Total amount</source>
        <translation>协议总金额</translation>
    </message>
    <message>
        <source>Claims given up</source>
        <translation>放弃的请求</translation>
    </message>
    <message>
        <source>Default clause</source>
        <translation>违约条款</translation>
    </message>
    <message>
        <source>Other terms</source>
        <translation>其他约定</translation>
    </message>
    <message>
        <source>Number of originals</source>
        <translation>正本份数</translation>
    </message>
    <message>
        <source>Seal applied at</source>
        <translation>盖章时间</translation>
    </message>
    <message>
        <source>In effect since</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Employer&apos;s seal applied at</source>
        <translation>用人单位盖章时间</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>受送达人</translation>
    </message>
    <message>
        <source>Address of service</source>
        <translation>送达地址</translation>
    </message>
    <message>
        <source>Way of service</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>Date of service</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>Filed / received</source>
        <translation>申请/收到日期</translation>
    </message>
    <message>
        <source>Accepted / issued</source>
        <translation>受理/发出日期</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>延长日期</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Can speak to</source>
        <translation>可证明的事项</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>工程项目</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>跟进方式</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Followed up by</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Amount recovered</source>
        <translation>追回金额</translation>
    </message>
    <message>
        <source>Workers paid</source>
        <translation>获付劳动者人数</translation>
    </message>
    <message>
        <source>Called back on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>应付日期</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>付款凭证号</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Returned on</source>
        <translation>退回日期</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>工人</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>(no fields)</source>
        <translation>（无字段）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{n} records could not be saved</source>
        <translation>{n} 条记录无法保存</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {amount} fast</source>
        <translation>电脑时钟快 {amount}</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {amount} slow</source>
        <translation>电脑时钟慢 {amount}</translation>
    </message>
    <message>
        <source>Measured against the city server at the last sync. The dates recorded here, the years in case numbers and every deadline come from this computer&apos;s date: correct the date and time in the computer&apos;s settings, then sync again.</source>
        <translation>这是上次同步时与城市服务器对比得出的。这里记录的日期、案件编号中的年份和所有期限都按这台电脑的日期计算：请在电脑的设置里校正日期和时间，然后再同步一次。</translation>
    </message>
    <message>
        <source>connecting to the city server</source>
        <translation>连接城市服务器</translation>
    </message>
    <message>
        <source>{done}/{total}</source>
        <translation>{done}/{total}</translation>
    </message>
    <message>
        <source>sending changes {counts}</source>
        <translation>发送更改 {counts}</translation>
    </message>
    <message>
        <source>sending files {counts}</source>
        <translation>上传文件 {counts}</translation>
    </message>
    <message>
        <source>receiving changes {counts}</source>
        <translation>接收更改 {counts}</translation>
    </message>
    <message>
        <source>receiving files {counts}</source>
        <translation>下载文件 {counts}</translation>
    </message>
    <message>
        <source>Demo data: not synced</source>
        <translation>演示数据：不同步</translation>
    </message>
    <message>
        <source>Syncing: {what}</source>
        <translation>正在同步：{what}</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Not enrolled for sync</source>
        <translation>未加入同步</translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation>同步已停止</translation>
    </message>
    <message>
        <source>Offline · {n} changes waiting</source>
        <translation>离线 · {n} 项更改待发送</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Sync failed, tried again soon</source>
        <translation>同步出错，稍后自动重试</translation>
    </message>
    <message>
        <source>{n} changes waiting to be sent</source>
        <translation>{n} 项更改待发送</translation>
    </message>
    <message>
        <source>Enrolled, not synced yet</source>
        <translation>已加入，尚未同步</translation>
    </message>
    <message>
        <source>Synced {time}</source>
        <translation>已同步 {time}</translation>
    </message>
    <message>
        <source>The demo data is generated and is never sent to the city server.</source>
        <translation>演示数据是生成的，永远不会发送到城市服务器。</translation>
    </message>
    <message>
        <source>This computer is sending its changes to the city server and receiving those of the other computers.</source>
        <translation>本机正在向城市服务器发送更改，并接收其他电脑的更改。</translation>
    </message>
    <message>
        <source>Reading the sync status…</source>
        <translation>正在读取同步状态…</translation>
    </message>
    <message>
        <source>This computer is not enrolled with the city server yet; enrol it with a code from the city bureau (menu Sync).</source>
        <translation>本机尚未加入城市同步；请用市局提供的加入码加入（“同步”菜单）。</translation>
    </message>
    <message>
        <source>Sync is stopped until you act: open the sync window to see why and what to do.</source>
        <translation>同步已停止，需要您处理：点击这里查看原因和处理办法。</translation>
    </message>
    <message>
        <source>The city server cannot be reached; {n} changes are kept here and sent automatically when it answers again.</source>
        <translation>无法连接城市服务器；{n} 项更改已保存在本机，服务器恢复应答后会自动发送。</translation>
    </message>
    <message>
        <source>The last sync did not finish; {n} changes are kept here and the sync is tried again automatically. Open the sync window to see why.</source>
        <translation>上次同步没有完成；{n} 项更改保留在本机，系统会自动重试。打开同步窗口可查看原因。</translation>
    </message>
    <message>
        <source>{n} changes typed here wait to be sent; they go out automatically within a few minutes.</source>
        <translation>本机有 {n} 项更改等待发送，几分钟内会自动发送。</translation>
    </message>
    <message>
        <source>This computer is enrolled with the city server; the first sync starts in a moment.</source>
        <translation>本机已加入城市同步，第一次同步马上开始。</translation>
    </message>
    <message>
        <source>Everything typed here has reached the city server; the last sync was at {time}.</source>
        <translation>本机录入的内容都已送达城市服务器；上次同步时间：{time}。</translation>
    </message>
    <message>
        <source> · last synced {time}</source>
        <translation> · 上次同步 {time}</translation>
    </message>
    <message>
        <source> The last sync was {days} days ago, at {time}: the city&apos;s figures leave out what was typed here since. Connect this computer to the network to send it.</source>
        <translation>上次同步在{days}天前（{time}），此后在本机录入的内容未计入城市的统计。请将本机连接网络后发送。</translation>
    </message>
</context>
<context>
    <name>SyncWindow</name>
    <message>
        <source>took the value that had been set aside</source>
        <translation>采用了当时被搁置的值</translation>
    </message>
    <message>
        <source>kept the city server&apos;s value</source>
        <translation>保留了城市服务器的值</translation>
    </message>
    <message>
        <source>changed to a new value</source>
        <translation>改为新的值</translation>
    </message>
    <message>
        <source>Sync with the city server</source>
        <translation>城市同步</translation>
    </message>
    <message>
        <source>City server:</source>
        <translation>城市服务器：</translation>
    </message>
    <message>
        <source>Station:</source>
        <translation>所属驿站：</translation>
    </message>
    <message>
        <source>This computer:</source>
        <translation>本机名称：</translation>
    </message>
    <message>
        <source>Last successful sync:</source>
        <translation>上次成功同步：</translation>
    </message>
    <message>
        <source>Changes waiting to be sent:</source>
        <translation>待发送的更改：</translation>
    </message>
    <message>
        <source>Conflicts to settle:</source>
        <translation>待处理的冲突：</translation>
    </message>
    <message>
        <source>Records received that could not be saved:</source>
        <translation>收到但无法保存的记录：</translation>
    </message>
    <message>
        <source>Clock:</source>
        <translation>电脑时钟：</translation>
    </message>
    <message>
        <source>Next automatic try:</source>
        <translation>下次自动重试：</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>Send this computer&apos;s changes and receive the others&apos; now (Ctrl+Shift+S)</source>
        <translation>现在就发送本机的更改并接收其他电脑的更改（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Settle &amp;conflicts…</source>
        <translation>处理冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation>同步日志</translation>
    </message>
    <message>
        <source>Sync log (newest first)</source>
        <translation>同步日志（最新的在前）</translation>
    </message>
    <message>
        <source>Sync is stopped and waits for you. What happened, and what to do:</source>
        <translation>需要您处理。原因和处理办法如下：</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未设置</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>not measured yet: a sync compares it with the city server&apos;s</source>
        <translation>尚未核对：同步时会与城市服务器的时间比较</translation>
    </message>
    <message>
        <source>{clock}. {advice}</source>
        <translation>{clock}。{advice}</translation>
    </message>
    <message>
        <source>right (within {n} minutes of the city server&apos;s)</source>
        <translation>准确（与城市服务器相差不到 {n} 分钟）</translation>
    </message>
    <message>
        <source>&amp;Enrol again…</source>
        <translation>重新加入(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Enrol this computer…</source>
        <translation>加入城市同步(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>VerdictDialog</name>
    <message>
        <source>Verify document</source>
        <translation>核验文书</translation>
    </message>
</context>
<context>
    <name>VoidCaseDialog</name>
    <message>
        <source>Void the case</source>
        <translation>作废案件</translation>
    </message>
    <message>
        <source>&amp;Void</source>
        <translation>作废(&amp;V)</translation>
    </message>
    <message>
        <source>Void case {number} as registered by mistake? It stays in the files marked voided, its deadlines stop and the statistics leave it out. This cannot be undone.</source>
        <translation>确定将案件{number}作为误登记作废吗？案件仍保存在档案中并标注“已作废”，各项期限停止计算，统计不再计入。此操作不能撤销。</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
</context>
<context>
    <name>WitnessDialog</name>
    <message>
        <source>Add a witness</source>
        <translation>添加证人</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>e.g. team leader, knows the days worked and the wages owed</source>
        <translation>例如：班组长，了解出勤天数和欠薪数额</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>住址(&amp;D)</translation>
    </message>
    <message>
        <source>Can &amp;speak to</source>
        <translation>可证明的事项(&amp;S)</translation>
    </message>
</context>
<context>
    <name>WorkersTable</name>
    <message>
        <source>Add &amp;worker</source>
        <translation>添加劳动者(&amp;W)</translation>
    </message>
    <message>
        <source>Add a row for one more worker (Insert)</source>
        <translation>为再一名劳动者添加一行（Insert）</translation>
    </message>
    <message>
        <source>Remove &amp;selected</source>
        <translation>删除所选(&amp;S)</translation>
    </message>
    <message>
        <source>Remove the rows of the selected cells</source>
        <translation>删除所选单元格所在的行</translation>
    </message>
    <message>
        <source>Import from r&amp;oster…</source>
        <translation>从花名册导入(&amp;O)…</translation>
    </message>
    <message>
        <source>Read the workers from an Excel (.xlsx) or CSV roster; every row is checked first</source>
        <translation>从电子表格花名册读取工人名单，导入前逐行检查</translation>
    </message>
    <message>
        <source>Download roster templat&amp;e…</source>
        <translation>下载花名册模板(&amp;E)…</translation>
    </message>
    <message>
        <source>Save an Excel roster with the expected column headings</source>
        <translation>保存一个带有规定列标题的空白花名册表格</translation>
    </message>
    <message>
        <source>Show &amp;personal data</source>
        <translation>显示个人信息(&amp;P)</translation>
    </message>
    <message>
        <source>Your account may see in full: {fields}. A cell shows in full while you edit it.</source>
        <translation>您的账户可查看完整的：{fields}。编辑单元格时完整显示。</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>ID number *</source>
        <translation>身份证号码 *</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Claimed (yuan) *</source>
        <translation>请求金额（元） *</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Sex, date of birth</source>
        <translation>性别、出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>工种/岗位</translation>
    </message>
    <message>
        <source>Address for documents</source>
        <translation>送达地址</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Where documents reach the worker, when not at the home address (e.g. the site&apos;s dormitory)</source>
        <translation>住址以外接收文书的地址（如工地宿舍）</translation>
    </message>
    <message>
        <source>An account in the worker&apos;s own name; the agreement pays his share into it</source>
        <translation>劳动者本人名下的账户；调解协议约定的款项付入此账户</translation>
    </message>
    <message>
        <source>Elected representative (collective cases only)</source>
        <translation>推举的代表（仅限集体劳动争议案件）</translation>
    </message>
    <message>
        <source>{sex}, born {birth}</source>
        <translation>{sex}，{birth}出生</translation>
    </message>
    <message>
        <source>Row {row}, {column}: {message}</source>
        <translation>第{row}行“{column}”：{message}</translation>
    </message>
    <message>
        <source>{count} workers, total claimed {amount}</source>
        <translation>劳动者{count}人，请求金额合计{amount}</translation>
    </message>
    <message>
        <source> (not counted: the amount of row {rows}, which needs correcting)</source>
        <translation>（第{rows}行的金额有误，未计入，请更正）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{minimum} or more workers: this is a collective case. The workers elect {low} to {high} representatives; tick them in the Representative column ({marked} ticked).</source>
        <translation>劳动者达{minimum}人以上，属于集体劳动争议案件。劳动者应推举{low}至{high}名代表，请在“代表”列中勾选（已勾选{marked}名）。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Could not complete this</source>
        <translation>操作未能完成</translation>
    </message>
    <message>
        <source>An unexpected error occurred and nothing was saved. Please try again; if it happens again, tell the city bureau&apos;s support and mention: {error}</source>
        <translation>发生意外错误，本次操作未保存。请重试；如仍出现，请联系市局技术支持，并告知以下信息：{error}</translation>
    </message>
</context>
<context>
    <name>_DemoFiller</name>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Generating demo cases…</source>
        <translation>正在生成演示案件…</translation>
    </message>
    <message>
        <source>Generating demo cases… {done} of {total}</source>
        <translation>正在生成演示案件…（{done}/{total}）</translation>
    </message>
</context>
<context>
    <name>ask</name>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
</TS>
