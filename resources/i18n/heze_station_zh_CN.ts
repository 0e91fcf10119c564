<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>App</name>
    <message>
        <source>heze-station cannot start</source>
        <translation>劳动争议调解工作站无法启动</translation>
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
        <source>&amp;Show ID numbers</source>
        <translation>显示身份证号码(&amp;S)</translation>
    </message>
    <message>
        <source>ID numbers are sensitive personal information; show them only when needed.</source>
        <translation>身份证号码属于敏感个人信息，请仅在确有需要时显示。</translation>
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
        <source>none: this case is finished</source>
        <translation>无（本案已办结）</translation>
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
        <source>C&amp;hannel:</source>
        <translation>渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
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
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
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
        <source>Recent activity</source>
        <translation>最近办理</translation>
    </message>
    <message>
        <source>Due soon, due today or overdue</source>
        <translation>即将到期、今日到期和已逾期</translation>
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
        <source>Closed</source>
        <translation>已结案</translation>
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
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>A case that is &quot;{status}&quot; cannot be given the action &quot;{action}&quot;.</source>
        <translation>案件当前状态为“{status}”，不能执行“{action}”。</translation>
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
        <source>This case no longer exists.</source>
        <translation>该案件已不存在。</translation>
    </message>
    <message>
        <source>Please choose one.</source>
        <translation>请选择一项。</translation>
    </message>
    <message>
        <source>Please enter a date.</source>
        <translation>请填写日期。</translation>
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
        <source>This ID number is on file as {name}. Check the name or the ID number.</source>
        <translation>该身份证号码已登记为“{name}”，请核对姓名或身份证号码。</translation>
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
        <translation>数据文件{path}由更高版本的本程序写入（数据结构版本{revision}），请安装新版本后再打开。该文件未作任何改动。</translation>
    </message>
    <message>
        <source>The data file {path} is damaged or is not a heze-station database, so it cannot be opened. Restore it from a backup or ask the city bureau for help; the file has not been changed.</source>
        <translation>数据文件{path}已损坏或不是本程序的数据库，无法打开。请从备份恢复，或联系市局协助处理。该文件未作任何改动。</translation>
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
        <source>The facts and reasons are missing.</source>
        <translation>缺少事实和理由。</translation>
    </message>
    <message>
        <source>The applicant&apos;s signature is missing.</source>
        <translation>缺少申请人签名。</translation>
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
        <source>Give the address of service.</source>
        <translation>请写明送达地址。</translation>
    </message>
    <message>
        <source>A refused service needs what happened and a witness who signs.</source>
        <translation>拒收的，须写明拒收事由并由见证人签名。</translation>
    </message>
    <message>
        <source>The recipient (or the proxy) must sign the receipt.</source>
        <translation>受送达人（或代收人）须在回证上签名。</translation>
    </message>
    <message>
        <source>Service by proxy needs the proxy&apos;s name and the reason.</source>
        <translation>代收的，须写明代收人姓名及代收理由。</translation>
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
        <source>{name} ({role}) has not signed yet: capture the signature or mark it for paper.</source>
        <translation>{name}（{role}）尚未签名：请在签名板上签名，或标记为在纸质文书上手写签名。</translation>
    </message>
    <message>
        <source>The document needs the signature of the {role}.</source>
        <translation>文书缺少{role}的签名。</translation>
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
        <source>The digital signature does not match the file: it was altered after signing.</source>
        <translation>数字签名与文件内容不符：文件在签名后被改动过。</translation>
    </message>
    <message>
        <source>Something was added to the file after it was signed.</source>
        <translation>文件在签名后被追加了内容。</translation>
    </message>
    <message>
        <source>The signature is intact but was not made with this station&apos;s key: issued elsewhere or forged.</source>
        <translation>签名完整，但不是用本站密钥签署的：可能由其他机构出具，或系伪造。</translation>
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
        <source>Document {document} is not in this station&apos;s records.</source>
        <translation>本站记录中没有编号为{document}的文书。</translation>
    </message>
    <message>
        <source>Document {document} was issued by this station.</source>
        <translation>编号为{document}的文书由本站出具。</translation>
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
</context>
<context>
    <name>Formatting</name>
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
        <source>When the worker knew or should have known the rights were infringed; it starts the one-year limitation period. Same as the received date unless you change it.</source>
        <translation>劳动者知道或者应当知道其权利被侵害之日，一年仲裁时效自该日起算。未修改时与收到申请日期相同。</translation>
    </message>
    <message>
        <source>What happened: where and when the workers worked, what is owed, what has been done about it.</source>
        <translation>请写明：劳动者何时在何处工作、被拖欠哪些款项、已采取过哪些措施。</translation>
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
        <source>Workers</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>&amp;Add worker</source>
        <translation>添加劳动者(&amp;A)</translation>
    </message>
    <message>
        <source>Add a row for one more worker (Ctrl+Enter or Insert)</source>
        <translation>再添加一行劳动者（Ctrl+Enter 或 Insert）</translation>
    </message>
    <message>
        <source>Re&amp;move selected</source>
        <translation>删除所选(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the rows of the selected cells</source>
        <translation>删除所选单元格所在的行</translation>
    </message>
    <message>
        <source>Show full &amp;ID numbers</source>
        <translation>显示完整身份证号码(&amp;I)</translation>
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
        <source>{minimum} or more workers: this is a collective case. The workers elect {low} to {high} representatives; tick them in the Representative column ({marked} ticked).</source>
        <translation>劳动者达{minimum}人以上，属于集体劳动争议案件。劳动者应推举{low}至{high}名代表，请在“代表”列中勾选（已勾选{marked}名）。</translation>
    </message>
    <message>
        <source>Nothing was saved: please correct the {count} marked entries.</source>
        <translation>未保存：请更正标出的{count}处内容。</translation>
    </message>
    <message>
        <source>Looking for open cases of the same workers or employer…</source>
        <translation>正在查找同一劳动者或用人单位的在办案件…</translation>
    </message>
    <message>
        <source>Possible repeat complaint: waiting for your decision.</source>
        <translation>可能为重复投诉，请确认是否登记。</translation>
    </message>
    <message>
        <source>• {number} ({status}): {reason}</source>
        <translation>• {number}（{status}）：{reason}</translation>
    </message>
    <message>
        <source>Repeat complaint</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <source>This complaint may repeat {count} open case(s):

{cases}

Register it as a new case anyway?</source>
        <translation>此投诉可能与以下{count}件在办案件重复：

{cases}

仍要登记为新案件吗？</translation>
    </message>
    <message>
        <source>Register anyway</source>
        <translation>仍然登记</translation>
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
</context>
<context>
    <name>LedgerPane</name>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
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
        <source>Cases of {name}: the latest {shown} of {count}</source>
        <translation>{name}的案件：共{count}件，显示最近{shown}件</translation>
    </message>
    <message>
        <source>Cases of {name} ({count})</source>
        <translation>{name}的案件（{count}件）</translation>
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
        <source>Station: {station}   User: {user}</source>
        <translation>驿站：{station}   用户：{user}</translation>
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
        <source>Employers and projects with the most open cases come first; those with {count} or more complaints are marked in red and kept on the repeat-complaint ledger.</source>
        <translation>在办案件多的用人单位和工程项目排在前面；被投诉{count}次及以上的以红色标出，列入重复投诉台账管理。</translation>
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
    <name>SignatureDialog</name>
    <message>
        <source>Signature of {name}</source>
        <translation>{name}的签名</translation>
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
    <name>VerdictDialog</name>
    <message>
        <source>Verify document</source>
        <translation>核验文书</translation>
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
</TS>
