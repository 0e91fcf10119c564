; The station app's Windows installer, compiled on Linux by installer/build-windows.sh with Debian's makensis.
; Per user, without administrator rights: into %LOCALAPPDATA%\Programs\heze-station, Start-menu and desktop
; shortcuts named 菏谐驿站. The data folder (%LOCALAPPDATA%\HezeHRSS\heze-station) is never touched: upgrades and
; uninstalling keep it. Defines given by the build: VERSION, PAYLOAD (the folder to install), OUTFILE, ICON.
Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!define NAME "菏谐驿站"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\heze-station"

Name "${NAME} ${VERSION}"
OutFile "${OUTFILE}"
Icon "${ICON}"
UninstallIcon "${ICON}"
InstallDir "$LOCALAPPDATA\Programs\heze-station"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
ShowInstDetails nevershow

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

Section "install"
    SetShellVarContext current
    ; An upgrade replaces the program's files whole, so no module of the old version is left to be imported.
    RMDir /r "$INSTDIR\python"
    SetOutPath "$INSTDIR"
    File /r "${PAYLOAD}\*"
    File "/oname=heze-station.ico" "${ICON}"
    CreateShortCut "$SMPROGRAMS\${NAME}.lnk" "$INSTDIR\python\pythonw.exe" "-m heze_station" "$INSTDIR\heze-station.ico"
    CreateShortCut "$DESKTOP\${NAME}.lnk" "$INSTDIR\python\pythonw.exe" "-m heze_station" "$INSTDIR\heze-station.ico"
    WriteUninstaller "$INSTDIR\uninstall.exe"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${NAME}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\heze-station.ico"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "uninstall"
    SetShellVarContext current
    Delete "$SMPROGRAMS\${NAME}.lnk"
    Delete "$DESKTOP\${NAME}.lnk"
    ; Only the program's folder: the station's data lives elsewhere and stays.
    RMDir /r "$INSTDIR"
    DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
