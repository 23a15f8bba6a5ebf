; Per-user Windows installer of the one-folder bundle (NSIS 3, Unicode). No administrator rights:
; the program goes to %LOCALAPPDATA%\Programs\BaoCaoNhanh, the Start-menu entry and the
; uninstaller's registration to the current user. The clerk's data (profile, history, drafts,
; logs) lives in %LOCALAPPDATA%\BaoCaoNhanh (assistant/paths.py), a different folder that neither
; an upgrade nor the uninstaller touches.
;
; Built by scripts/build_installer.py (and CI) from the PyInstaller output:
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DSOURCE=dist\BaoCaoNhanh
;            -DOUTFILE=dist\BaoCaoNhanh-0.1.0-setup.exe packaging\installer.nsi

Unicode true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION | VERSION4 | SOURCE | OUTFILE
  !error "Pass -DVERSION=…, -DVERSION4=a.b.c.d, -DSOURCE=<bundle folder> and -DOUTFILE=<setup.exe>"
!endif

!define APP "BaoCaoNhanh"
!define NAME "Báo cáo nhanh"
!define EXE "BaoCaoNhanh.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"

Name "${NAME}"
OutFile "${OUTFILE}"
; Not %LOCALAPPDATA%\BaoCaoNhanh: that is the data folder, which an upgrade must leave alone.
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Cài đặt ${NAME} ${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

!include "MUI2.nsh"
!define MUI_ICON "icon.ico"
!define MUI_UNICON "icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${NAME} ngay"
!define MUI_PAGE_CUSTOMFUNCTION_LEAVE NotTheDataFolder
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

; The program folder is replaced on every upgrade: it must never be the clerk's data folder.
Function NotTheDataFolder
  StrCmp $INSTDIR "$LOCALAPPDATA\${APP}" 0 done
    MessageBox MB_ICONEXCLAMATION "Thư mục này chứa dữ liệu của ${NAME} (lịch sử, bản nháp). Hãy chọn thư mục khác để cài chương trình."
    Abort
  done:
FunctionEnd

Section "Install"
  SetShellVarContext current
  ; An upgrade replaces the whole program folder: files the new version no longer ships must not
  ; linger beside it (a stale library would be loaded). Nothing of the clerk's is kept here.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\bao-cao-nhanh.exe"  ; the console twin (command line)
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: never removes what the clerk put there
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  ; The data folder (%LOCALAPPDATA%\${APP}: history, drafts, profile) stays for a reinstall.
SectionEnd
