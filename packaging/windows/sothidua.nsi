; Sổ thi đua — the Windows installer (NSIS 3, Unicode).
;
;   makensis -DVERSION=0.1.0 -DBUNDLE=build\dist\sothidua -DOUTDIR=dist packaging\windows\sothidua.nsi
;
; BUNDLE is the folder PyInstaller made from packaging/sothidua.spec (sothidua.exe, thidua.exe,
; _internal\). Writes OUTDIR\SoThiDua-Setup-<VERSION>.exe, which
;   * installs for the current user only, without administrator rights, into
;     %LOCALAPPDATA%\Programs\SoThiDua (the clerk may pick another folder);
;   * makes Start-menu and desktop shortcuts named in Vietnamese;
;   * opens .asice files on the app's Kiểm tra gói page (sothidua.exe gui --page kiem-tra-goi "%1");
;   * registers an uninstaller (Settings > Apps) that keeps the clerk's data folder
;     %LOCALAPPDATA%\SoThiDua (database, evidence files, settings) unless the clerk asks,
;     or, when run silently, unless given /XOADULIEU.
; makensis works in this script's folder: give BUNDLE and OUTDIR as absolute paths, or relative
; to packaging\windows (the defaults are ..\..\build\dist\sothidua and ..\..\dist). OUTDIR must exist.
; -DFAST stores the files uncompressed (the test on Linux uses it to compile quickly).

Unicode true
ManifestDPIAware true

!ifndef VERSION
  !error "Give the version: makensis -DVERSION=0.1.0 ..."
!endif
!ifndef BUNDLE
  !define BUNDLE "../../build/dist/sothidua"
!endif
!ifndef OUTDIR
  !define OUTDIR "../../dist"
!endif
!define ROOT "../.."  ; makensis works in the script's folder
!define APP "Sổ thi đua"
!define KEY "SoThiDua"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${KEY}"
!define PROGID "SoThiDua.asice"
!define DATA_DIR "$LOCALAPPDATA\SoThiDua"

!ifdef FAST
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

Name "${APP}"
OutFile "${OUTDIR}/SoThiDua-Setup-${VERSION}.exe"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${KEY}"
InstallDirRegKey HKCU "Software\${KEY}" "InstallDir"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Cài đặt ${APP}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${APP}"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ROOT}/resources/icons/sothidua.ico"
!define MUI_UNICON "${ROOT}/resources/icons/sothidua.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\sothidua.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APP} ngay"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

Section "${APP}" SecApp
  SectionIn RO
  SetShellVarContext current
  ; An upgrade replaces the previous version's libraries rather than mixing the two.
  IfFileExists "$INSTDIR\sothidua.exe" 0 +2
    RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}/*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\${KEY}" "InstallDir" "$INSTDIR"

  ; Shortcuts, in Vietnamese.
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortCut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\sothidua.exe" "" "$INSTDIR\sothidua.exe" 0 \
      SW_SHOWNORMAL "" "Sổ thành tích, thi đua, khen thưởng của đơn vị"
  CreateShortCut "$SMPROGRAMS\${APP}\Kiểm tra gói hồ sơ.lnk" "$INSTDIR\sothidua.exe" "gui --page kiem-tra-goi" \
      "$INSTDIR\sothidua.exe" 0 SW_SHOWNORMAL "" "Kiểm tra gói hồ sơ ký số (.asice)"
  CreateShortCut "$SMPROGRAMS\${APP}\Gỡ cài đặt ${APP}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortCut "$DESKTOP\${APP}.lnk" "$INSTDIR\sothidua.exe" "" "$INSTDIR\sothidua.exe" 0 \
      SW_SHOWNORMAL "" "Sổ thành tích, thi đua, khen thưởng của đơn vị"

  ; .asice packages open on the Kiểm tra gói page (per-user file association, no administrator needed).
  WriteRegStr HKCU "Software\Classes\.asice" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\.asice\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Gói hồ sơ ký số (ASiC-E)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\sothidua.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell" "" "open"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open" "" "Kiểm tra gói"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" \
      '"$INSTDIR\sothidua.exe" gui --page kiem-tra-goi "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Settings > Apps.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\sothidua.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$DESKTOP\${APP}.lnk"
  RMDir /r "$SMPROGRAMS\${APP}"

  ; Only what the installer put there: a folder the clerk chose may hold other files.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\sothidua.exe"
  Delete "$INSTDIR\thidua.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ReadRegStr $0 HKCU "Software\Classes\.asice" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.asice"
  DeleteRegValue HKCU "Software\Classes\.asice\OpenWithProgids" "${PROGID}"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${KEY}"

  ; The clerk's data stays unless asked for: silently only with /XOADULIEU, otherwise a
  ; question whose default answer is No.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/XOADULIEU" $R1
  IfErrors 0 remove_data
  IfSilent keep_data
  MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 \
      "Xóa cả dữ liệu của ${APP} (sổ thành tích, tệp minh chứng, cài đặt) trong thư mục$\r$\n${DATA_DIR}?$\r$\n$\r$\nChọn Không để giữ lại (nên chọn nếu sẽ cài lại hoặc chưa sao lưu)." \
      /SD IDNO IDYES remove_data
  Goto keep_data
  remove_data:
    RMDir /r "${DATA_DIR}"
  keep_data:
SectionEnd
