<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AchievementDialog</name>
    <message>
        <source>Edit achievement</source>
        <translation>Sửa thành tích</translation>
    </message>
    <message>
        <source>New achievement</source>
        <translation>Thêm thành tích</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Achieved by</source>
        <translation>Người/tập thể đạt</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Tiêu chí</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Số đo</translation>
    </message>
    <message>
        <source>e.g. 98 % or 120 hồ sơ</source>
        <translation>ví dụ: 98 % hoặc 120 hồ sơ</translation>
    </message>
    <message>
        <source>(not part of a campaign)</source>
        <translation>(không thuộc phong trào nào)</translation>
    </message>
    <message>
        <source>(no particular criterion)</source>
        <translation>(không gắn tiêu chí cụ thể)</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Phong trào thi đua</translation>
    </message>
    <message>
        <source>Campaign criterion</source>
        <translation>Tiêu chí của phong trào</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>Thường</translation>
    </message>
    <message>
        <source>Confidential (mật)</source>
        <translation>Mật</translation>
    </message>
    <message>
        <source>Secret (tối mật)</source>
        <translation>Tối mật</translation>
    </message>
    <message>
        <source>Top secret (tuyệt mật)</source>
        <translation>Tuyệt mật</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Độ mật</translation>
    </message>
    <message>
        <source>Evidence (drop files here)</source>
        <translation>Minh chứng (kéo thả tệp vào đây)</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Lưu bản sao…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <source>Choose evidence files</source>
        <translation>Chọn tệp minh chứng</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>“%1” không phải là một tệp.</translation>
    </message>
    <message>
        <source>“%1” is larger than the limit of %2 MB per evidence file.</source>
        <translation>“%1” vượt giới hạn %2 MB cho một tệp minh chứng.</translation>
    </message>
    <message>
        <source>“%1” cannot be read.</source>
        <translation>Không đọc được “%1”.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Lưu bản sao</translation>
    </message>
    <message>
        <source>Choose someone from the list.</source>
        <translation>Hãy chọn trong danh sách.</translation>
    </message>
    <message>
        <source>Enter the date of the achievement.</source>
        <translation>Hãy nhập ngày đạt thành tích.</translation>
    </message>
    <message>
        <source>Saving achievement</source>
        <translation>Đang lưu thành tích</translation>
    </message>
</context>
<context>
    <name>AchievementPickModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Tiêu chí</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Số đo</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Phong trào</translation>
    </message>
</context>
<context>
    <name>AdHocDialog</name>
    <message>
        <source>Name</source>
        <translation>Họ tên, tên tập thể</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Ad-hoc awards (khen thưởng đột xuất)</source>
        <translation>Khen thưởng đột xuất</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Đánh dấu đã gửi</translation>
    </message>
    <message>
        <source>Record outcome…</source>
        <translation>Ghi kết quả…</translation>
    </message>
    <message>
        <source>Tờ trình…</source>
        <translation>Tờ trình…</translation>
    </message>
    <message>
        <source>The Tờ trình proposing the ad-hoc award, drafted from the records</source>
        <translation>Tờ trình đề nghị khen thưởng đột xuất, soạn từ dữ liệu trong sổ</translation>
    </message>
    <message>
        <source>Report of the feat…</source>
        <translation>Báo cáo thành tích…</translation>
    </message>
    <message>
        <source>The Báo cáo thành tích đề nghị khen thưởng đột xuất, drafted from the records</source>
        <translation>Báo cáo thành tích đề nghị khen thưởng đột xuất, soạn từ dữ liệu trong sổ</translation>
    </message>
    <message>
        <source>New ad-hoc award</source>
        <translation>Đề nghị khen thưởng đột xuất mới</translation>
    </message>
    <message>
        <source>A person</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>A collective</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>Proposed for</source>
        <translation>Đề nghị cho</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>The feat</source>
        <translation>Thành tích đột xuất</translation>
    </message>
    <message>
        <source>Achievements it rests on</source>
        <translation>Thành tích làm căn cứ (từ sổ)</translation>
    </message>
    <message>
        <source>Add the ad-hoc nomination</source>
        <translation>Thêm đề nghị khen thưởng đột xuất</translation>
    </message>
    <message>
        <source>Choose who is proposed.</source>
        <translation>Hãy chọn cá nhân hoặc tập thể được đề nghị.</translation>
    </message>
    <message>
        <source>Tick the achievement of the feat in the ledger.</source>
        <translation>Hãy đánh dấu thành tích đột xuất trong sổ.</translation>
    </message>
</context>
<context>
    <name>AutoBackupDialog</name>
    <message>
        <source>Automatic backup</source>
        <translation>Sao lưu tự động</translation>
    </message>
    <message>
        <source>Once a day, when the window opens, a checked copy of the data file is saved in this folder (a USB drive or a shared folder is best). Older copies beyond the number kept are removed.</source>
        <translation>Mỗi ngày một lần, khi mở cửa sổ, một bản sao đã kiểm tra của tệp dữ liệu được lưu vào thư mục này (tốt nhất là ổ USB hoặc thư mục dùng chung). Các bản cũ vượt quá số bản giữ lại sẽ bị xóa.</translation>
    </message>
    <message>
        <source>Back up automatically every day</source>
        <translation>Tự động sao lưu mỗi ngày</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>Backups kept:</source>
        <translation>Số bản giữ lại:</translation>
    </message>
    <message>
        <source>Automatic backup folder</source>
        <translation>Thư mục sao lưu tự động</translation>
    </message>
</context>
<context>
    <name>AwardsModel</name>
    <message>
        <source>Award (catalog)</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>As the plan writes it</source>
        <translation>Ghi trong kế hoạch</translation>
    </message>
    <message>
        <source>Collectives</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>Individuals</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Đợt</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Danh hiệu, hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp khen thưởng</translation>
    </message>
    <message>
        <source>Individual / collective</source>
        <translation>Cá nhân / tập thể</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên, tên tập thể</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Cấp quyết định</translation>
    </message>
    <message>
        <source>Prize</source>
        <translation>Tiền thưởng</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Sao lưu…</translation>
    </message>
    <message>
        <source>Automatic backup &amp;folder…</source>
        <translation>&amp;Thư mục sao lưu tự động…</translation>
    </message>
    <message>
        <source>Back up the data file to</source>
        <translation>Sao lưu tệp dữ liệu vào</translation>
    </message>
    <message>
        <source>Sổ thi đua data (*.sqlite)</source>
        <translation>Dữ liệu Sổ thi đua (*.sqlite)</translation>
    </message>
    <message>
        <source>Automatic backup</source>
        <translation>Sao lưu tự động</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>Đang sao lưu</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>Sao lưu tự động không thành công: %1</translation>
    </message>
    <message>
        <source>Backed up and checked: %1</source>
        <translation>Đã sao lưu và kiểm tra: %1</translation>
    </message>
    <message>
        <source>Automatic backup skipped: the folder %1 is not available (is the USB drive plugged in?).</source>
        <translation>Bỏ qua sao lưu tự động: thư mục %1 không có sẵn (ổ USB đã cắm chưa?).</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <source>No backup of this data file yet. Use File → Back up… to make one on a USB drive.</source>
        <translation>Chưa có bản sao lưu nào của tệp dữ liệu này. Hãy dùng Tệp → Sao lưu… để sao lưu vào ổ USB.</translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>Lần sao lưu gần nhất: %1</translation>
    </message>
    <message>
        <source>%1 days ago; back up now (File → Back up…).</source>
        <translation>đã %1 ngày; hãy sao lưu ngay (Tệp → Sao lưu…).</translation>
    </message>
</context>
<context>
    <name>BallotsModel</name>
    <message>
        <source>Candidate</source>
        <translation>Họ tên, tên tập thể</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Phát ra</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Thu về</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không đồng ý</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Không hợp lệ</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Ngưỡng thông qua</translation>
    </message>
    <message>
        <source>Yes share</source>
        <translation>Tỷ lệ đồng ý</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
</context>
<context>
    <name>CampaignChooser</name>
    <message>
        <source>Campaign:</source>
        <translation>Phong trào:</translation>
    </message>
    <message>
        <source>(no campaign yet)</source>
        <translation>(chưa có phong trào)</translation>
    </message>
</context>
<context>
    <name>CampaignEditor</name>
    <message>
        <source>Kind of document</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>e.g. 205/KH-STP; blank when the e-office system numbers it</source>
        <translation>ví dụ: 205/KH-STP; để trống nếu hệ thống quản lý văn bản cấp số</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Ký hiệu</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <source>Date of the document</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Title (summary)</source>
        <translation>Trích yếu (tên phong trào)</translation>
    </message>
    <message>
        <source>Runs from</source>
        <translation>Thời gian bắt đầu</translation>
    </message>
    <message>
        <source>Runs until</source>
        <translation>Thời gian kết thúc</translation>
    </message>
    <message>
        <source>Dossier deadline</source>
        <translation>Hạn gửi hồ sơ</translation>
    </message>
    <message>
        <source>Registration deadline</source>
        <translation>Hạn đăng ký thi đua</translation>
    </message>
    <message>
        <source>Report deadline</source>
        <translation>Hạn báo cáo kết quả</translation>
    </message>
    <message>
        <source>Paperless: dossiers are sent electronically</source>
        <translation>Không dùng văn bản giấy: hồ sơ gửi trên môi trường điện tử</translation>
    </message>
    <message>
        <source>Paperless</source>
        <translation>Không giấy</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Signing authority</source>
        <translation>Thẩm quyền ký</translation>
    </message>
    <message>
        <source>e.g. KT. GIÁM ĐỐC</source>
        <translation>ví dụ: KT. GIÁM ĐỐC</translation>
    </message>
    <message>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>One recipient per line</source>
        <translation>Mỗi nơi nhận ghi một dòng</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <source>Signer, recipients</source>
        <translation>Người ký, nơi nhận</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>Thêm tiêu chí</translation>
    </message>
    <message>
        <source>Add award</source>
        <translation>Thêm hình thức khen thưởng</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>không giới hạn</translation>
    </message>
    <message>
        <source>Add phase</source>
        <translation>Thêm đợt</translation>
    </message>
    <message>
        <source>Add document</source>
        <translation>Thêm thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Criteria (%1)</source>
        <translation>Tiêu chí (%1)</translation>
    </message>
    <message>
        <source>Awards (%1)</source>
        <translation>Khen thưởng (%1)</translation>
    </message>
    <message>
        <source>Dossier (%1)</source>
        <translation>Thành phần hồ sơ (%1)</translation>
    </message>
    <message>
        <source>Phases (%1)</source>
        <translation>Các đợt (%1)</translation>
    </message>
    <message>
        <source>“%1” is not a date. Write day/month/year (28/7/2025), month/year (7/2025), year (2025), or day/month (05/01) for a deadline every year.</source>
        <translation>“%1” không phải là ngày hợp lệ. Hãy ghi ngày/tháng/năm (28/7/2025), tháng/năm (7/2025), năm (2025), hoặc ngày/tháng (05/01) nếu hạn lặp lại hằng năm.</translation>
    </message>
    <message>
        <source>“%1” is not a date. Write day/month/year (28/7/2025), month/year (7/2025) or year (2025).</source>
        <translation>“%1” không phải là ngày hợp lệ. Hãy ghi ngày/tháng/năm (28/7/2025), tháng/năm (7/2025) hoặc năm (2025).</translation>
    </message>
</context>
<context>
    <name>CampaignListModel</name>
    <message>
        <source>Campaign</source>
        <translation>Phong trào</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn gửi hồ sơ</translation>
    </message>
</context>
<context>
    <name>CampaignModels</name>
    <message>
        <source>Collectives</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>Individuals</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Cả hai</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>quá hạn %1 ngày</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>hết hạn hôm nay</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>còn %1 ngày</translation>
    </message>
    <message>
        <source>%1: no limit</source>
        <translation>%1: không giới hạn</translation>
    </message>
    <message>
        <source>collectives</source>
        <translation>tập thể</translation>
    </message>
    <message>
        <source>individuals</source>
        <translation>cá nhân</translation>
    </message>
    <message>
        <source>%1 no limit</source>
        <translation>%1 không giới hạn</translation>
    </message>
    <message>
        <source>%1 (ended)</source>
        <translation>%1 (đã kết thúc)</translation>
    </message>
    <message>
        <source>Whole campaign</source>
        <translation>Cả phong trào</translation>
    </message>
    <message>
        <source>(not in the catalog: choose one)</source>
        <translation>(chưa có trong danh mục: hãy chọn)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>không giới hạn</translation>
    </message>
    <message>
        <source>“%1” matched no award in the catalog; choose the award it means.</source>
        <translation>“%1” không khớp hình thức khen thưởng nào trong danh mục; hãy chọn hình thức tương ứng.</translation>
    </message>
    <message>
        <source>no deadline set</source>
        <translation>kế hoạch không ghi hạn</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Hạn gửi hồ sơ: %1</translation>
    </message>
    <message>
        <source>No measured value yet; target %1</source>
        <translation>Chưa có số đo; chỉ tiêu %1</translation>
    </message>
    <message>
        <source>Latest: %1 / target %2</source>
        <translation>Mới nhất: %1 / chỉ tiêu %2</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>Add campaign</source>
        <translation>Thêm phong trào</translation>
    </message>
    <message>
        <source>Import from a plan…</source>
        <translation>Nhập từ kế hoạch…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>No campaigns yet. Press “Import from a plan…” to read the plan the department sent (.docx, .pdf, .txt), or “Add campaign” to enter one by hand.</source>
        <translation>Chưa có phong trào thi đua nào. Bấm “Nhập từ kế hoạch…” để đọc kế hoạch Sở gửi (.docx, .pdf, .txt), hoặc “Thêm phong trào” để nhập tay.</translation>
    </message>
    <message>
        <source>Open source file</source>
        <translation>Mở tệp gốc</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <source>Show the achievements linked to this campaign in the ledger</source>
        <translation>Xem trong sổ các thành tích gắn với phong trào này</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>current phase: %1</source>
        <translation>đợt hiện tại: %1</translation>
    </message>
    <message>
        <source>targets reached: %1/%2</source>
        <translation>chỉ tiêu đã đạt: %1/%2</translation>
    </message>
    <message>
        <source>(against the registered targets)</source>
        <translation>(so với chỉ tiêu đã đăng ký)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <source>The campaign has changes that are not saved. Discard them?</source>
        <translation>Phong trào có thay đổi chưa được lưu. Bỏ các thay đổi này?</translation>
    </message>
    <message>
        <source>%1 campaigns</source>
        <translation>%1 phong trào</translation>
    </message>
    <message>
        <source>New campaign (not saved yet)</source>
        <translation>Phong trào mới (chưa lưu)</translation>
    </message>
    <message>
        <source>source file: %1</source>
        <translation>tệp gốc: %1</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>có thay đổi chưa lưu</translation>
    </message>
    <message>
        <source>Delete the campaign “%1”?</source>
        <translation>Xóa phong trào “%1”?</translation>
    </message>
    <message>
        <source>Its %1 linked achievements stay in the ledger, no longer linked to a campaign.</source>
        <translation>%1 thành tích gắn với phong trào vẫn được giữ trong sổ, chỉ bỏ liên kết với phong trào.</translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation>Xóa phong trào</translation>
    </message>
    <message>
        <source>Cannot write a temporary copy of the file: %1</source>
        <translation>Không ghi được bản sao tạm của tệp: %1</translation>
    </message>
    <message>
        <source>Import a campaign plan</source>
        <translation>Nhập kế hoạch phát động phong trào</translation>
    </message>
    <message>
        <source>Plans and letters (*.docx *.pdf *.txt *.md);;All files (*)</source>
        <translation>Kế hoạch, công văn (*.docx *.pdf *.txt *.md);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Reading “%1”…</source>
        <translation>Đang đọc “%1”…</translation>
    </message>
    <message>
        <source>Reading the plan</source>
        <translation>Đang đọc kế hoạch</translation>
    </message>
    <message>
        <source>Cannot read the plan</source>
        <translation>Không đọc được kế hoạch</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Chưa có gì được lưu.</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <source>Chosen</source>
        <translation>Chọn</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên, tên tập thể</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Danh hiệu</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Điều kiện</translation>
    </message>
</context>
<context>
    <name>CatalogAwardDelegate</name>
    <message>
        <source>(not in the catalog)</source>
        <translation>(không có trong danh mục)</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Required document</source>
        <translation>Văn bản theo yêu cầu</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
</context>
<context>
    <name>ChecksModel</name>
    <message>
        <source>Check</source>
        <translation>Nội dung kiểm tra</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
</context>
<context>
    <name>CollectiveDialog</name>
    <message>
        <source>Edit collective</source>
        <translation>Sửa tập thể</translation>
    </message>
    <message>
        <source>New collective</source>
        <translation>Thêm tập thể</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên tập thể</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>Trực thuộc</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Head (signs the collective&apos;s report)</source>
        <translation>Người đứng đầu (ký báo cáo thành tích của tập thể)</translation>
    </message>
    <message>
        <source>Functions and tasks, as the collective&apos;s report states them</source>
        <translation>Chức năng, nhiệm vụ được giao, như ghi trong báo cáo thành tích của tập thể</translation>
    </message>
    <message>
        <source>Functions and tasks</source>
        <translation>Chức năng, nhiệm vụ</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Thông tin chung</translation>
    </message>
    <message>
        <source>Add year</source>
        <translation>Thêm năm</translation>
    </message>
    <message>
        <source>Yearly ratings</source>
        <translation>Xếp loại hằng năm</translation>
    </message>
    <message>
        <source>Awards received</source>
        <translation>Khen thưởng đã nhận</translation>
    </message>
    <message>
        <source>Awards received: %1</source>
        <translation>Khen thưởng đã nhận: %1</translation>
    </message>
</context>
<context>
    <name>CollectivesEditor</name>
    <message>
        <source>May be left empty: collectives, and who heads them, can be added later on the “Collectives &amp; people” page.</source>
        <translation>Có thể để trống: các tập thể, và ai phụ trách, thêm sau được ở trang “Tập thể &amp; cá nhân”.</translation>
    </message>
    <message>
        <source>Add collective</source>
        <translation>Thêm tập thể</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa dòng</translation>
    </message>
</context>
<context>
    <name>CollectivesModel</name>
    <message>
        <source>All collectives</source>
        <translation>Tất cả tập thể</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không)</translation>
    </message>
</context>
<context>
    <name>CountsModel</name>
    <message>
        <source>Award</source>
        <translation>Danh hiệu, hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp khen thưởng</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng số</translation>
    </message>
</context>
<context>
    <name>CriteriaModel</name>
    <message>
        <source>For</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Tiêu chí</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị tính</translation>
    </message>
</context>
<context>
    <name>CriterionChart</name>
    <message>
        <source>Measured</source>
        <translation>Số đo</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>Chỉ tiêu %1</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>dd/mm/yyyy hh:mm</source>
        <translation>ngày/tháng/năm giờ:phút</translation>
    </message>
    <message>
        <source>The time “%1” is not valid; write hours:minutes, e.g. 08:30.</source>
        <translation>Giờ “%1” không hợp lệ; hãy ghi giờ:phút, ví dụ 08:30.</translation>
    </message>
</context>
<context>
    <name>DeadlinesModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Còn lại</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Việc</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Phong trào</translation>
    </message>
</context>
<context>
    <name>DecidedModel</name>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên, tên tập thể</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Danh hiệu</translation>
    </message>
    <message>
        <source>Prize</source>
        <translation>Tiền thưởng</translation>
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>Finalised — not edited directly. To change it, use “Reopen for editing”.</source>
        <translation>Đã hoàn thiện — không sửa trực tiếp. Muốn sửa, bấm “Mở lại để sửa”.</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Các mục</translation>
    </message>
    <message>
        <source>No.:</source>
        <translation>Số:</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>để trống</translation>
    </message>
    <message>
        <source>Left blank, the number is given by the e-office system when the document is issued.</source>
        <translation>Để trống thì số văn bản do hệ thống quản lý văn bản cấp khi ban hành.</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <source>Classification:</source>
        <translation>Độ mật:</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Đậm</translation>
    </message>
    <message>
        <source>Bold: wraps the selection in **…** (Ctrl+B)</source>
        <translation>In đậm: đặt phần chọn giữa **…** (Ctrl+B)</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Nghiêng</translation>
    </message>
    <message>
        <source>Italic: wraps the selection in *…* (Ctrl+I)</source>
        <translation>In nghiêng: đặt phần chọn giữa *…* (Ctrl+I)</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>Turns the selected lines into a “- ” list (or back)</source>
        <translation>Chuyển các dòng đang chọn thành gạch đầu dòng “- ” (hoặc bỏ gạch đầu dòng)</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Inserts a table of two columns; add rows as “| … | … |”</source>
        <translation>Chèn một bảng hai cột; thêm hàng bằng dòng “| … | … |”</translation>
    </message>
    <message>
        <source>Recompose this section from the records</source>
        <translation>Soạn lại mục này từ dữ liệu</translation>
    </message>
    <message>
        <source>Replaces only this section&apos;s text with text composed afresh from the ledger, nominations and meetings</source>
        <translation>Chỉ thay nội dung mục này bằng nội dung soạn lại từ sổ thành tích, đề nghị khen thưởng và cuộc họp</translation>
    </message>
    <message>
        <source>The text of this section. A blank line separates paragraphs; **bold**, *italic*, “- ” for a list, | a | b | for a table.</source>
        <translation>Nội dung của mục. Dòng trống để tách đoạn; **đậm**, *nghiêng*, “- ” cho gạch đầu dòng, | a | b | cho bảng.</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Kính gửi:</translation>
    </message>
    <message>
        <source>Who the document is addressed to; several separated by “;”. Left blank, it follows the campaign&apos;s plan.</source>
        <translation>Người nhận văn bản; nhiều người nhận thì cách nhau bằng dấu “;”. Để trống thì theo kế hoạch của phong trào.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save the edits as a new version (Ctrl+S)</source>
        <translation>Lưu nội dung đã sửa thành một phiên bản mới (Ctrl+S)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Khôi phục phiên bản này</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Lịch sử phiên bản</translation>
    </message>
    <message>
        <source>The preview could not be made: %1</source>
        <translation>Chưa dựng được bản xem trước: %1</translation>
    </message>
    <message>
        <source>Still to fill in before finalising:</source>
        <translation>Còn phải điền trước khi hoàn thiện:</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Đang dựng bản xem trước…</translation>
    </message>
    <message>
        <source>Finalised from version %1</source>
        <translation>Hoàn thiện từ phiên bản %1</translation>
    </message>
    <message>
        <source>Edited, not saved yet (version %1 is the saved one)</source>
        <translation>Đã sửa, chưa lưu (bản đã lưu là phiên bản %1)</translation>
    </message>
    <message>
        <source>Saved: version %1</source>
        <translation>Đã lưu: phiên bản %1</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>Nội dung chưa lưu</translation>
    </message>
    <message>
        <source>“%1” has edits that are not saved. Save them as a new version?</source>
        <translation>“%1” có nội dung đã sửa nhưng chưa lưu. Lưu thành phiên bản mới?</translation>
    </message>
    <message>
        <source>Recompose this section</source>
        <translation>Soạn lại mục từ dữ liệu</translation>
    </message>
    <message>
        <source>Replace the text of “%1” with text composed afresh from the records?
Only this section changes; the other sections keep their text, and the present text stays in the versions.</source>
        <translation>Thay nội dung của “%1” bằng nội dung soạn lại từ dữ liệu?
Chỉ mục này thay đổi; các mục khác giữ nguyên nội dung, nội dung hiện tại vẫn còn trong lịch sử phiên bản.</translation>
    </message>
    <message>
        <source>Restore version %1? Its text becomes a new version; the present text stays in the versions.</source>
        <translation>Khôi phục phiên bản %1? Nội dung của phiên bản đó trở thành một phiên bản mới; nội dung hiện tại vẫn còn trong lịch sử phiên bản.</translation>
    </message>
    <message>
        <source>The edits not saved yet are dropped.</source>
        <translation>Các nội dung đã sửa nhưng chưa lưu sẽ bị bỏ.</translation>
    </message>
    <message>
        <source>Restore a version</source>
        <translation>Khôi phục phiên bản</translation>
    </message>
</context>
<context>
    <name>DocumentModels</name>
    <message>
        <source>Ordinary</source>
        <translation>Thường</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Mật</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Tối mật</translation>
    </message>
    <message>
        <source>Top secret</source>
        <translation>Tuyệt mật</translation>
    </message>
    <message>
        <source>Not drafted</source>
        <translation>Chưa soạn</translation>
    </message>
    <message>
        <source>Finalised</source>
        <translation>Đã hoàn thiện</translation>
    </message>
    <message>
        <source>Draft (version %1)</source>
        <translation>Bản nháp (phiên bản %1)</translation>
    </message>
    <message>
        <source>Submission for awards — %1</source>
        <translation>Tờ trình đề nghị khen thưởng — %1</translation>
    </message>
    <message>
        <source>Submission for awards</source>
        <translation>Tờ trình đề nghị khen thưởng</translation>
    </message>
    <message>
        <source>Official letter proposing awards</source>
        <translation>Công văn đề nghị khen thưởng</translation>
    </message>
    <message>
        <source>Minutes of the council meeting of %1</source>
        <translation>Biên bản họp Hội đồng ngày %1</translation>
    </message>
    <message>
        <source>Achievement report — %1</source>
        <translation>Báo cáo thành tích — %1</translation>
    </message>
    <message>
        <source>Emulation registration</source>
        <translation>Bản đăng ký thi đua</translation>
    </message>
    <message>
        <source>Report of results — whole campaign</source>
        <translation>Báo cáo kết quả — cả phong trào</translation>
    </message>
    <message>
        <source>Report of results — %1</source>
        <translation>Báo cáo kết quả — %1</translation>
    </message>
    <message>
        <source>Minutes of a council meeting</source>
        <translation>Biên bản họp Hội đồng</translation>
    </message>
    <message>
        <source>No longer needed by the dossier (the nomination or meeting changed).</source>
        <translation>Hồ sơ không còn cần văn bản này (đề nghị hoặc cuộc họp đã thay đổi).</translation>
    </message>
    <message>
        <source>Sent to the Sở during the campaign; not part of the award dossier.</source>
        <translation>Gửi Sở trong quá trình phong trào; không thuộc hồ sơ đề nghị khen thưởng.</translation>
    </message>
    <message>
        <source>Attached: %1</source>
        <translation>Đã đính kèm: %1</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>Chưa đính kèm</translation>
    </message>
    <message>
        <source>A paper the app does not draft: attach its file (PDF, Word or image).</source>
        <translation>Giấy tờ ứng dụng không soạn: đính kèm tệp (PDF, Word hoặc ảnh).</translation>
    </message>
    <message>
        <source> (signed PDF, kept as it is)</source>
        <translation> (PDF đã ký số, giữ nguyên)</translation>
    </message>
    <message>
        <source>Part %1</source>
        <translation>Mục %1</translation>
    </message>
    <message>
        <source>Edited, not saved yet</source>
        <translation>Đã sửa, chưa lưu</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <source>(default printer)</source>
        <translation>(máy in mặc định)</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Dossier document</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Form no.</source>
        <translation>Mẫu số</translation>
    </message>
    <message>
        <source>Decree / circular</source>
        <translation>Theo nghị định, thông tư</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Draft</source>
        <translation>Soạn</translation>
    </message>
    <message>
        <source>Draft the document from the records</source>
        <translation>Soạn văn bản từ dữ liệu đã có</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>Hoàn thiện</translation>
    </message>
    <message>
        <source>Keep this version&apos;s PDF and Word files unchanged, for signing and sending</source>
        <translation>Lập và giữ nguyên tệp PDF, Word của phiên bản này để ký và gửi</translation>
    </message>
    <message>
        <source>Reopen for editing</source>
        <translation>Mở lại để sửa</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <source>Export Word…</source>
        <translation>Xuất Word…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Paperless campaigns print only classified documents and the dossiers of state-level awards</source>
        <translation>Phong trào không dùng giấy chỉ in văn bản mật và hồ sơ đề nghị khen thưởng cấp Nhà nước</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <source>A paper the plan lists that the app does not draft (a confirmation from another body, an initiative&apos;s certificate…): PDF, Word or image</source>
        <translation>Giấy tờ trong danh mục hồ sơ của kế hoạch mà ứng dụng không soạn (xác nhận của cơ quan khác, giấy chứng nhận sáng kiến…): PDF, Word hoặc ảnh</translation>
    </message>
    <message>
        <source>Remove attached file</source>
        <translation>Gỡ tệp đính kèm</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Mẫu:</translation>
    </message>
    <message>
        <source>There is no campaign yet: add the plan on the campaigns page first.</source>
        <translation>Chưa có phong trào nào: hãy nhập kế hoạch ở trang Phong trào thi đua trước.</translation>
    </message>
    <message>
        <source>Choose a document of the dossier.</source>
        <translation>Chọn một văn bản của hồ sơ.</translation>
    </message>
    <message>
        <source>“%1” is attached as “%2” (%3).</source>
        <translation>“%1” đã đính kèm tệp “%2” (%3).</translation>
    </message>
    <message>
        <source>The PDF carries a digital signature: it is kept as it is and travels unchanged with the dossier.</source>
        <translation>Tệp PDF có chữ ký số: được giữ nguyên và gửi kèm hồ sơ không thay đổi.</translation>
    </message>
    <message>
        <source>“%1” is a paper the app does not draft.
Press “Attach file…” to attach it (PDF, Word or image); it then counts as present and travels with the dossier.</source>
        <translation>“%1” là giấy tờ ứng dụng không soạn.
Bấm “Đính kèm tệp…” để đính kèm (PDF, Word hoặc ảnh); khi đó mục này được tính là đã có và gửi kèm hồ sơ.</translation>
    </message>
    <message>
        <source>“%1” is not drafted yet.
Press “Draft” to draft it from the records.</source>
        <translation>“%1” chưa được soạn.
Bấm “Soạn” để soạn từ dữ liệu đã có.</translation>
    </message>
    <message>
        <source>(replaced on this date)</source>
        <translation>(đã bị thay thế vào ngày này)</translation>
    </message>
    <message>
        <source>The form the plan cites, or the one in force on the document&apos;s date (%1).</source>
        <translation>Mẫu kế hoạch dẫn, hoặc mẫu đang có hiệu lực vào ngày của văn bản (%1).</translation>
    </message>
    <message>
        <source>Use the form in force: %1</source>
        <translation>Dùng mẫu đang có hiệu lực: %1</translation>
    </message>
    <message>
        <source>“%1” will be drafted with the form chosen.</source>
        <translation>“%1” sẽ được soạn theo mẫu đã chọn.</translation>
    </message>
    <message>
        <source>Change the form</source>
        <translation>Đổi mẫu văn bản</translation>
    </message>
    <message>
        <source>Draft “%1” again with the form “%2”?
Every section is composed again from the records; the text so far stays in the document&apos;s history.</source>
        <translation>Soạn lại “%1” theo mẫu “%2”?
Mọi mục được soạn lại từ dữ liệu; nội dung hiện có vẫn được giữ trong lịch sử phiên bản của văn bản.</translation>
    </message>
    <message>
        <source>“%1” is drafted again with the form chosen.</source>
        <translation>Đã soạn lại “%1” theo mẫu đã chọn.</translation>
    </message>
    <message>
        <source>“%1” is drafted from the records (version 1).</source>
        <translation>Đã soạn “%1” từ dữ liệu (phiên bản 1).</translation>
    </message>
    <message>
        <source>Finalise the document</source>
        <translation>Hoàn thiện văn bản</translation>
    </message>
    <message>
        <source>Finalise “%1”?
Its PDF and Word files are made once and kept unchanged for signing and sending; it can no longer be edited directly (reopen it to change it).</source>
        <translation>Hoàn thiện “%1”?
Tệp PDF và Word được lập một lần và giữ nguyên để ký, gửi; văn bản không sửa trực tiếp được nữa (muốn sửa phải mở lại).</translation>
    </message>
    <message>
        <source>Finalising the document</source>
        <translation>Đang hoàn thiện văn bản</translation>
    </message>
    <message>
        <source>“%1” is finalised.</source>
        <translation>Đã hoàn thiện “%1”.</translation>
    </message>
    <message>
        <source>Reopen “%1” as a draft to edit it?
The finalised PDF and Word files are dropped; finalise it again when the edits are done.</source>
        <translation>Mở lại “%1” thành bản nháp để sửa?
Tệp PDF và Word đã hoàn thiện sẽ bị bỏ; sửa xong cần hoàn thiện lại.</translation>
    </message>
    <message>
        <source>“%1” is a draft again.</source>
        <translation>“%1” đã trở lại bản nháp.</translation>
    </message>
    <message>
        <source>Choose the file to attach</source>
        <translation>Chọn tệp để đính kèm</translation>
    </message>
    <message>
        <source>PDF, Word or image (*.pdf *.docx *.png *.jpg *.jpeg)</source>
        <translation>PDF, Word hoặc ảnh (*.pdf *.docx *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>“%1” is attached to “%2”.</source>
        <translation>Đã đính kèm “%1” cho “%2”.</translation>
    </message>
    <message>
        <source>Remove “%1” from “%2”? The paper is then missing from the dossier again.</source>
        <translation>Gỡ “%1” khỏi “%2”? Giấy tờ này sẽ lại là còn thiếu trong hồ sơ.</translation>
    </message>
    <message>
        <source>“%1” is removed from “%2”.</source>
        <translation>Đã gỡ “%1” khỏi “%2”.</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>Xuất ra tệp PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export as Word</source>
        <translation>Xuất ra tệp Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Tệp Word (*.docx)</translation>
    </message>
    <message>
        <source>Exporting the document</source>
        <translation>Đang xuất văn bản</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Đã lưu vào %1</translation>
    </message>
    <message>
        <source>Printing not allowed</source>
        <translation>Không được in</translation>
    </message>
    <message>
        <source>Export it as a PDF file instead?</source>
        <translation>Xuất ra tệp PDF để gửi thay cho bản in?</translation>
    </message>
    <message>
        <source>Print “%1”</source>
        <translation>In “%1”</translation>
    </message>
    <message>
        <source>Printed “%1”: %2 pages × %3 copies. %4 The print is in the print log.</source>
        <translation>Đã in “%1”: %2 trang × %3 bản. %4 Lần in đã được ghi vào Sổ in.</translation>
    </message>
</context>
<context>
    <name>DossierModel</name>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Độ mật</translation>
    </message>
</context>
<context>
    <name>EvidenceChoiceModel</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>Thành tích</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ngày thêm</translation>
    </message>
    <message>
        <source>(on save)</source>
        <translation>(khi lưu)</translation>
    </message>
</context>
<context>
    <name>ExcelImportDialog</name>
    <message>
        <source>Import from Excel</source>
        <translation>Nhập từ Excel</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <source>Collectives and their yearly ratings</source>
        <translation>Tập thể và xếp loại hằng năm</translation>
    </message>
    <message>
        <source>Awards received (people and collectives)</source>
        <translation>Khen thưởng đã nhận (cá nhân, tập thể)</translation>
    </message>
    <message>
        <source>Import:</source>
        <translation>Nhập:</translation>
    </message>
    <message>
        <source>Save a blank template…</source>
        <translation>Lưu mẫu trống…</translation>
    </message>
    <message>
        <source>Choose a workbook…</source>
        <translation>Chọn tệp Excel…</translation>
    </message>
    <message>
        <source>Choose a workbook filled in from the template. Nothing is saved until you press Import.</source>
        <translation>Chọn tệp Excel đã điền theo mẫu. Chưa có gì được lưu cho đến khi bấm Nhập.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>Lưu mẫu</translation>
    </message>
    <message>
        <source>Choose a workbook</source>
        <translation>Chọn tệp Excel</translation>
    </message>
    <message>
        <source>Reading the workbook</source>
        <translation>Đang đọc tệp Excel</translation>
    </message>
    <message>
        <source>%1 rows from “%2” are ready to import.</source>
        <translation>%1 dòng trong “%2” sẵn sàng để nhập.</translation>
    </message>
    <message>
        <source>%1 problems found in “%2”; fix the workbook and choose it again. Nothing has been imported.</source>
        <translation>Có %1 lỗi trong “%2”; hãy sửa tệp Excel rồi chọn lại. Chưa có gì được nhập.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Saved at</source>
        <translation>Thời điểm lưu</translation>
    </message>
    <message>
        <source>Saved by</source>
        <translation>Người lưu</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Danh hiệu, hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Prize</source>
        <translation>Tiền thưởng</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Lỗi</translation>
    </message>
</context>
<context>
    <name>InitiativesDialog</name>
    <message>
        <source>Initiative</source>
        <translation>Sáng kiến</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>Recognised at</source>
        <translation>Cấp công nhận</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định công nhận</translation>
    </message>
    <message>
        <source>Initiatives recognised in %1</source>
        <translation>Sáng kiến được công nhận năm %1</translation>
    </message>
    <message>
        <source>Delete the selected initiative</source>
        <translation>Xóa sáng kiến đang chọn</translation>
    </message>
    <message>
        <source>A new initiative:</source>
        <translation>Thêm sáng kiến:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên sáng kiến</translation>
    </message>
    <message>
        <source>Recognised by</source>
        <translation>Cơ quan công nhận</translation>
    </message>
    <message>
        <source>e.g. Hội đồng sáng kiến Trung tâm</source>
        <translation>ví dụ Hội đồng sáng kiến Trung tâm</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Add the initiative</source>
        <translation>Thêm sáng kiến</translation>
    </message>
</context>
<context>
    <name>KeysModel</name>
    <message>
        <source>Key</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Người được cấp</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Tổ chức cấp</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Hiệu lực đến</translation>
    </message>
    <message>
        <source>Can sign</source>
        <translation>Dùng để ký</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Person / collective</source>
        <translation>Cá nhân / tập thể</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Tiêu chí</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Số đo</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>Search achievements (no need to type diacritics)</source>
        <translation>Tìm thành tích (không cần gõ dấu)</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Tất cả phong trào</translation>
    </message>
    <message>
        <source>All criteria</source>
        <translation>Tất cả tiêu chí</translation>
    </message>
    <message>
        <source>Show archive</source>
        <translation>Xem mục đã lưu trữ</translation>
    </message>
    <message>
        <source>Add achievement…</source>
        <translation>Thêm thành tích…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Lưu trữ</translation>
    </message>
    <message>
        <source>More than %1 achievements</source>
        <translation>Hơn %1 thành tích</translation>
    </message>
    <message>
        <source>%1 archived achievements</source>
        <translation>%1 thành tích đã lưu trữ</translation>
    </message>
    <message>
        <source>%1 achievements</source>
        <translation>%1 thành tích</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sổ thi đua — %1</source>
        <translation>Sổ thi đua — %1</translation>
    </message>
    <message>
        <source>Sổ thi đua — SAMPLE DATA — %1</source>
        <translation>Sổ thi đua — DỮ LIỆU MẪU — %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Collectives &amp; people</source>
        <translation>Tập thể &amp; cá nhân</translation>
    </message>
    <message>
        <source>Achievement ledger</source>
        <translation>Sổ thành tích</translation>
    </message>
    <message>
        <source>Emulation campaigns</source>
        <translation>Phong trào thi đua</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Đăng ký thi đua</translation>
    </message>
    <message>
        <source>Award nominations</source>
        <translation>Đề nghị khen thưởng</translation>
    </message>
    <message>
        <source>Council meeting</source>
        <translation>Họp xét</translation>
    </message>
    <message>
        <source>Award dossier</source>
        <translation>Hồ sơ khen thưởng</translation>
    </message>
    <message>
        <source>Print log</source>
        <translation>Sổ in</translation>
    </message>
    <message>
        <source>Year-end review</source>
        <translation>Bình xét cuối năm</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Thống kê</translation>
    </message>
    <message>
        <source>Send dossier</source>
        <translation>Gửi hồ sơ</translation>
    </message>
    <message>
        <source>Check package</source>
        <translation>Kiểm tra gói</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Unit profile…</source>
        <translation>&amp;Thông tin đơn vị…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>Đ&amp;i tới</translation>
    </message>
    <message>
        <source>&amp;Find in ledger</source>
        <translation>Tìm trong &amp;sổ thành tích</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About Sổ thi đua</source>
        <translation>&amp;Giới thiệu Sổ thi đua</translation>
    </message>
    <message>
        <source>About Sổ thi đua</source>
        <translation>Giới thiệu Sổ thi đua</translation>
    </message>
    <message>
        <source>Sổ thi đua %1

The ledger of achievements, emulation campaigns and award dossiers of a unit.
Data file: %2</source>
        <translation>Sổ thi đua %1

Sổ thành tích, phong trào thi đua và hồ sơ đề nghị khen thưởng của đơn vị.
Tệp dữ liệu: %2</translation>
    </message>
</context>
<context>
    <name>MeetingModels</name>
    <message>
        <source>(closed)</source>
        <translation>(đã kết thúc)</translation>
    </message>
    <message>
        <source>%1 — also proposed</source>
        <translation>%1 — đồng thời là người được đề nghị</translation>
    </message>
    <message>
        <source>present</source>
        <translation>có mặt</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>vắng mặt</translation>
    </message>
    <message>
        <source>A guest attends the meeting but is not a council member: not counted for the quorum nor the votes.</source>
        <translation>Khách mời dự họp nhưng không phải thành viên Hội đồng: không tính vào số thành viên dự họp và không biểu quyết.</translation>
    </message>
    <message>
        <source>Type the member&apos;s full name.</source>
        <translation>Hãy nhập họ và tên thành viên.</translation>
    </message>
    <message>
        <source>This member is also proposed at this meeting (%1); the minutes record it.</source>
        <translation>Thành viên này đồng thời được đề nghị khen thưởng tại cuộc họp này (%1); biên bản ghi nhận điều đó.</translation>
    </message>
    <message>
        <source>Yes-votes as a share of ALL council members (not only those present).</source>
        <translation>Số phiếu đồng ý so với TỔNG SỐ thành viên Hội đồng (không chỉ số thành viên có mặt).</translation>
    </message>
    <message>
        <source>not voted yet</source>
        <translation>chưa bỏ phiếu</translation>
    </message>
    <message>
        <source>counts do not add up</source>
        <translation>sai số phiếu</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>Không đạt</translation>
    </message>
    <message>
        <source>%1 yes of %2 council members; needs %3.</source>
        <translation>%1 phiếu đồng ý trên %2 thành viên Hội đồng; cần %3.</translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <source>Meeting:</source>
        <translation>Cuộc họp:</translation>
    </message>
    <message>
        <source>Add meeting</source>
        <translation>Thêm cuộc họp</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>Xóa cuộc họp</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên cuộc họp</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Tỷ lệ có mặt tối thiểu</translation>
    </message>
    <message>
        <source>The share of council members who must be present for the meeting to decide.</source>
        <translation>Tỷ lệ thành viên Hội đồng phải có mặt thì cuộc họp mới được xét, quyết định.</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Đợt</translation>
    </message>
    <message>
        <source>Council members and guests</source>
        <translation>Thành viên Hội đồng và khách mời</translation>
    </message>
    <message>
        <source>A person of the unit, or type a name</source>
        <translation>Chọn người trong đơn vị, hoặc gõ họ tên</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Secret ballot results</source>
        <translation>Kết quả bỏ phiếu kín</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Close the meeting and record the results</source>
        <translation>Kết thúc cuộc họp và ghi kết quả</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <source>The meeting has changes that are not saved. Discard them?</source>
        <translation>Cuộc họp có thay đổi chưa được lưu. Bỏ các thay đổi này?</translation>
    </message>
    <message>
        <source>Meeting of the Emulation and Commendation Council</source>
        <translation>Họp Hội đồng Thi đua - Khen thưởng</translation>
    </message>
    <message>
        <source>Whole campaign</source>
        <translation>Cả phong trào</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No title awaiting the council needs a secret ballot. The titles put to the council without one are agreed when the meeting closes.</source>
        <translation>Không có danh hiệu nào đang chờ Hội đồng cần bỏ phiếu kín. Các danh hiệu không bỏ phiếu kín được Hội đồng thống nhất khi kết thúc cuộc họp.</translation>
    </message>
    <message>
        <source>No nomination of this campaign is awaiting the council. Submit nominations on the nominations page first.</source>
        <translation>Phong trào này chưa có đề nghị nào chờ Hội đồng xét. Hãy trình đề nghị ở trang Đề nghị khen thưởng trước.</translation>
    </message>
    <message>
        <source>The yes share is taken over all %1 council members (guests are not counted). Double-click a number to change it.</source>
        <translation>Tỷ lệ đồng ý tính trên tổng số %1 thành viên Hội đồng (không tính khách mời). Bấm đúp vào một số để sửa.</translation>
    </message>
    <message>
        <source>(new meeting)</source>
        <translation>(cuộc họp mới, chưa lưu)</translation>
    </message>
    <message>
        <source>(no meeting)</source>
        <translation>(chưa có cuộc họp)</translation>
    </message>
    <message>
        <source>There is no campaign yet: add the plan on the campaigns page first.</source>
        <translation>Chưa có phong trào nào: hãy nhập kế hoạch ở trang Phong trào thi đua trước.</translation>
    </message>
    <message>
        <source>No meeting yet for this campaign: press “Add meeting”.</source>
        <translation>Phong trào này chưa có cuộc họp nào: bấm “Thêm cuộc họp”.</translation>
    </message>
    <message>
        <source>No council meeting yet for this review: press “Add meeting”.</source>
        <translation>Đợt bình xét này chưa có cuộc họp Hội đồng: bấm “Thêm cuộc họp”.</translation>
    </message>
    <message>
        <source>This meeting is closed; its results are recorded on the nominations.</source>
        <translation>Cuộc họp đã kết thúc; kết quả đã được ghi vào các đề nghị.</translation>
    </message>
    <message>
        <source>New meeting, not saved yet.</source>
        <translation>Cuộc họp mới, chưa lưu.</translation>
    </message>
    <message>
        <source>There are unsaved changes.</source>
        <translation>Có thay đổi chưa lưu.</translation>
    </message>
    <message>
        <source>Enter when the meeting starts.</source>
        <translation>Hãy nhập thời gian bắt đầu cuộc họp.</translation>
    </message>
    <message>
        <source>Not saved: correct what is marked in red.</source>
        <translation>Chưa lưu được: hãy sửa những chỗ được đánh dấu đỏ.</translation>
    </message>
    <message>
        <source>Close the meeting</source>
        <translation>Kết thúc cuộc họp</translation>
    </message>
    <message>
        <source>Close the meeting and record the results of %1 ballots on the nominations?
Those that reach the threshold become “Thông qua”, the others “Không thông qua”.</source>
        <translation>Kết thúc cuộc họp và ghi kết quả biểu quyết của %1 đề nghị?
Đề nghị đạt tỷ lệ quy định được ghi “Thông qua”, còn lại ghi “Không thông qua”.</translation>
    </message>
    <message>
        <source>Results recorded: %1 passed, %2 not passed.</source>
        <translation>Đã ghi kết quả: %1 thông qua, %2 không thông qua.</translation>
    </message>
    <message>
        <source>Delete the meeting “%1” and its ballots?</source>
        <translation>Xóa cuộc họp “%1” và các phiếu biểu quyết?</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>Written opinion</source>
        <translation>Ý kiến bằng văn bản</translation>
    </message>
</context>
<context>
    <name>NominationDialog</name>
    <message>
        <source>Edit nomination</source>
        <translation>Sửa đề nghị khen thưởng</translation>
    </message>
    <message>
        <source>New nomination</source>
        <translation>Thêm đề nghị khen thưởng</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>Phong trào: %1</translation>
    </message>
    <message>
        <source>Phase: %1</source>
        <translation>Đợt: %1</translation>
    </message>
    <message>
        <source>Proposed for</source>
        <translation>Đề nghị cho</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>The main achievements in a few lines, as the proposal will say</source>
        <translation>Tóm tắt thành tích chủ yếu trong vài dòng, như sẽ ghi trong tờ trình</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Tóm tắt thành tích</translation>
    </message>
    <message>
        <source>Achievements it rests on (from the ledger)</source>
        <translation>Thành tích làm căn cứ (từ sổ thành tích)</translation>
    </message>
    <message>
        <source>Award conditions</source>
        <translation>Điều kiện khen thưởng</translation>
    </message>
    <message>
        <source>This nomination is “%1”; only its summary and achievements can be changed.</source>
        <translation>Đề nghị này đang ở trạng thái “%1”; chỉ sửa được phần tóm tắt và các thành tích căn cứ.</translation>
    </message>
    <message>
        <source>Choose who is proposed to see their achievements.</source>
        <translation>Hãy chọn cá nhân, tập thể được đề nghị để xem thành tích.</translation>
    </message>
    <message>
        <source>The ledger has no achievement of this subject yet.</source>
        <translation>Sổ thành tích chưa có thành tích nào của đối tượng này.</translation>
    </message>
    <message>
        <source>Achievements linked to this campaign come first. Tick those the proposal rests on.</source>
        <translation>Thành tích gắn với phong trào này được xếp trước. Hãy đánh dấu các thành tích làm căn cứ đề nghị.</translation>
    </message>
    <message>
        <source>Choose who is proposed and the award to see whether the conditions are met.</source>
        <translation>Hãy chọn đối tượng được đề nghị và hình thức khen thưởng để xem có đủ điều kiện không.</translation>
    </message>
    <message>
        <source>This campaign offers no award for this kind of subject.</source>
        <translation>Phong trào này không có hình thức khen thưởng cho loại đối tượng này.</translation>
    </message>
    <message>
        <source>Choose a person or a collective from the list.</source>
        <translation>Hãy chọn một cá nhân hoặc tập thể trong danh sách.</translation>
    </message>
    <message>
        <source>Choose one of the campaign&apos;s awards.</source>
        <translation>Hãy chọn một hình thức khen thưởng của phong trào.</translation>
    </message>
</context>
<context>
    <name>NominationModels</name>
    <message>
        <source>%1 — no limit</source>
        <translation>%1 — không giới hạn</translation>
    </message>
    <message>
        <source>collectives %1</source>
        <translation>tập thể %1</translation>
    </message>
    <message>
        <source>individuals %1</source>
        <translation>cá nhân %1</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>không giới hạn</translation>
    </message>
    <message>
        <source>More candidates are proposed than the plan allows.</source>
        <translation>Số đề nghị vượt quá số lượng kế hoạch cho phép.</translation>
    </message>
    <message>
        <source>(collective)</source>
        <translation>(tập thể)</translation>
    </message>
    <message>
        <source>Every condition is met.</source>
        <translation>Đáp ứng đủ các điều kiện.</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>đã lưu trữ</translation>
    </message>
    <message>
        <source>this campaign</source>
        <translation>phong trào này</translation>
    </message>
</context>
<context>
    <name>NominationsModel</name>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên, tên tập thể</translation>
    </message>
    <message>
        <source>Position / collective</source>
        <translation>Chức vụ, đơn vị</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Điều kiện</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Prize</source>
        <translation>Tiền thưởng</translation>
    </message>
</context>
<context>
    <name>NominationsPage</name>
    <message>
        <source>Quotas of the plan (proposed / allowed)</source>
        <translation>Số lượng theo kế hoạch (đã đề nghị / được phép)</translation>
    </message>
    <message>
        <source>Add nomination…</source>
        <translation>Thêm đề nghị…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Submit to the council</source>
        <translation>Trình họp xét</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Rút lại</translation>
    </message>
    <message>
        <source>Record outcome…</source>
        <translation>Ghi kết quả…</translation>
    </message>
    <message>
        <source>Record the decision that came back on a sent nomination</source>
        <translation>Ghi quyết định của cấp trên cho đề nghị đã gửi</translation>
    </message>
    <message>
        <source>Ad-hoc awards…</source>
        <translation>Khen thưởng đột xuất…</translation>
    </message>
    <message>
        <source>Khen thưởng đột xuất: a nomination for a one-off feat, outside any campaign</source>
        <translation>Đề nghị khen thưởng cho thành tích đột xuất, không thuộc phong trào nào</translation>
    </message>
    <message>
        <source>Conditions of the selected nomination</source>
        <translation>Điều kiện của đề nghị đang chọn</translation>
    </message>
    <message>
        <source>All phases</source>
        <translation>Tất cả các đợt</translation>
    </message>
    <message>
        <source>There is no campaign yet: add the plan on the campaigns page first.</source>
        <translation>Chưa có phong trào nào: hãy nhập kế hoạch ở trang Phong trào thi đua trước.</translation>
    </message>
    <message>
        <source>Select a nomination to see whether it meets the conditions.</source>
        <translation>Chọn một đề nghị để xem có đủ điều kiện không.</translation>
    </message>
    <message>
        <source>No nomination yet for this campaign.</source>
        <translation>Phong trào này chưa có đề nghị khen thưởng nào.</translation>
    </message>
    <message>
        <source>%1 nominations</source>
        <translation>%1 đề nghị</translation>
    </message>
    <message>
        <source>Delete nomination</source>
        <translation>Xóa đề nghị</translation>
    </message>
    <message>
        <source>Delete the nomination of %1 for %2?</source>
        <translation>Xóa đề nghị khen thưởng %2 cho %1?</translation>
    </message>
    <message>
        <source>Submit after the deadline</source>
        <translation>Trình sau hạn</translation>
    </message>
    <message>
        <source>%1
The deadline has passed. Why is this nomination submitted late?
The reason is kept with the nomination.</source>
        <translation>%1
Đã quá hạn gửi hồ sơ. Vì sao đề nghị này được trình muộn?
Lý do được lưu cùng đề nghị.</translation>
    </message>
    <message>
        <source>A reason is needed to submit after the deadline.</source>
        <translation>Cần ghi lý do khi trình sau hạn.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <source>Something went wrong and nothing was saved. Details:</source>
        <translation>Đã xảy ra lỗi và chưa có gì được lưu. Chi tiết:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Outcome of the nomination</source>
        <translation>Kết quả đề nghị khen thưởng</translation>
    </message>
    <message>
        <source>%1 — proposed: %2</source>
        <translation>%1 — đề nghị: %2</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Not granted</source>
        <translation>Không đạt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>e.g. 123/QĐ-STP</source>
        <translation>ví dụ 123/QĐ-STP</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Cấp quyết định</translation>
    </message>
    <message>
        <source>e.g. Giám đốc Sở Tư pháp</source>
        <translation>ví dụ Giám đốc Sở Tư pháp</translation>
    </message>
    <message>
        <source>Award as decided</source>
        <translation>Khen thưởng được quyết định</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(chưa có)</translation>
    </message>
    <message>
        <source>Choose PDF…</source>
        <translation>Chọn tệp PDF…</translation>
    </message>
    <message>
        <source>Signed decision</source>
        <translation>Quyết định đã ký</translation>
    </message>
    <message>
        <source>Prize money</source>
        <translation>Tiền thưởng</translation>
    </message>
    <message>
        <source>A granted award is added to the awards received by the person or collective, and counts in their later nominations.</source>
        <translation>Khen thưởng đạt được ghi vào các khen thưởng đã nhận của cá nhân, tập thể và được tính khi xét đề nghị sau này.</translation>
    </message>
    <message>
        <source>Choose the signed decision</source>
        <translation>Chọn quyết định đã ký</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>No prize: the award was not granted.</source>
        <translation>Không có tiền thưởng: không đạt khen thưởng.</translation>
    </message>
    <message>
        <source>No prize multiple is known for this award.</source>
        <translation>Chưa có hệ số tiền thưởng cho khen thưởng này.</translation>
    </message>
    <message>
        <source>%1 (base salary in force on %2; %3)</source>
        <translation>%1 (mức lương cơ sở áp dụng ngày %2; %3)</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>SAMPLE DATA</source>
        <translation>DỮ LIỆU MẪU</translation>
    </message>
    <message>
        <source>a made-up unit for trying the program, kept in a file of its own. Nothing here mixes with your unit&apos;s records.</source>
        <translation>một đơn vị giả định để dùng thử chương trình, lưu trong tệp riêng. Không gì ở đây lẫn vào hồ sơ của đơn vị bạn.</translation>
    </message>
    <message>
        <source>Open my unit&apos;s ledger…</source>
        <translation>Mở sổ của đơn vị tôi…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Đóng nhắc</translation>
    </message>
    <message>
        <source>Do not remind of these deadlines again today</source>
        <translation>Không nhắc lại các hạn này trong hôm nay</translation>
    </message>
    <message>
        <source>Unit profile…</source>
        <translation>Thông tin đơn vị…</translation>
    </message>
    <message>
        <source>Collectives</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>Tệp minh chứng</translation>
    </message>
    <message>
        <source>Campaigns under way</source>
        <translation>Phong trào đang diễn ra</translation>
    </message>
    <message>
        <source>Upcoming deadlines</source>
        <translation>Các hạn sắp tới</translation>
    </message>
    <message>
        <source>Latest entries</source>
        <translation>Thành tích mới ghi</translation>
    </message>
    <message>
        <source>No unit profile yet. Enter the unit&apos;s name, governing body and head so that documents carry the right header.</source>
        <translation>Chưa có thông tin đơn vị. Hãy nhập tên đơn vị, cơ quan chủ quản và thủ trưởng để văn bản có phần đầu đúng.</translation>
    </message>
    <message>
        <source>Deadlines within seven days:</source>
        <translation>Hạn trong bảy ngày tới:</translation>
    </message>
</context>
<context>
    <name>PackageFilesModel</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
</context>
<context>
    <name>PackageModels</name>
    <message>
        <source>Missing</source>
        <translation>Thiếu</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Finalised</source>
        <translation>Đã hoàn thiện</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <source>(no certificate)</source>
        <translation>(không có chứng thư số)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>Root</source>
        <translation>CA gốc</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>CA trung gian</translation>
    </message>
    <message>
        <source>%1: %2 (valid until %3)</source>
        <translation>%1: %2 (hiệu lực đến %3)</translation>
    </message>
    <message>
        <source>Issued by: %1
SHA-256: %2
Imported from: %3</source>
        <translation>Cấp bởi: %1
SHA-256: %2
Nhập từ tệp: %3</translation>
    </message>
    <message>
        <source>Signed document (PDF)</source>
        <translation>Văn bản đã ký (PDF)</translation>
    </message>
    <message>
        <source>Document (Word)</source>
        <translation>Văn bản (Word)</translation>
    </message>
    <message>
        <source>List of nominations</source>
        <translation>Danh sách đề nghị</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Văn bản PDF</translation>
    </message>
    <message>
        <source>Excel list (not signed)</source>
        <translation>Danh sách Excel (không ký số)</translation>
    </message>
</context>
<context>
    <name>PagesChart</name>
    <message>
        <source>Pages printed</source>
        <translation>Số trang in</translation>
    </message>
    <message>
        <source>Target: 0 pages</source>
        <translation>Mục tiêu: 0 trang</translation>
    </message>
</context>
<context>
    <name>PaperBox</name>
    <message>
        <source>Paper printed per month</source>
        <translation>Giấy in theo tháng</translation>
    </message>
    <message>
        <source>Target: no paper, except classified documents and the dossiers of state-level awards</source>
        <translation>Mục tiêu: không dùng giấy, trừ văn bản mật và hồ sơ khen thưởng cấp Nhà nước</translation>
    </message>
</context>
<context>
    <name>PartialDateField</name>
    <message>
        <source>dd/mm/yyyy, mm/yyyy or yyyy</source>
        <translation>ngày/tháng/năm, tháng/năm hoặc năm</translation>
    </message>
    <message>
        <source>dd/mm/yyyy, or dd/mm for every year</source>
        <translation>ngày/tháng/năm, hoặc ngày/tháng nếu hằng năm</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Rank / title</source>
        <translation>Ngạch, hạng</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Năm vào</translation>
    </message>
    <message>
        <source>Rating %1</source>
        <translation>Xếp loại %1</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Collectives</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Search people (no need to type diacritics)</source>
        <translation>Tìm cá nhân (không cần gõ dấu)</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>Thêm cá nhân…</translation>
    </message>
    <message>
        <source>%1 of %2 people</source>
        <translation>%1 / %2 cá nhân</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Xóa cá nhân</translation>
    </message>
    <message>
        <source>Delete %1 and their ratings and awards?</source>
        <translation>Xóa %1 cùng xếp loại và khen thưởng đã ghi?</translation>
    </message>
    <message>
        <source>Delete collective</source>
        <translation>Xóa tập thể</translation>
    </message>
    <message>
        <source>Delete the collective %1?</source>
        <translation>Xóa tập thể %1?</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>Sửa thông tin cá nhân</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Thêm cá nhân</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>e.g. Nguyễn Thị Lan Anh</source>
        <translation>ví dụ: Nguyễn Thị Lan Anh</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Rank / title</source>
        <translation>Ngạch, hạng</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>Year joined the unit</source>
        <translation>Năm vào đơn vị</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Home town</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Permanent residence</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <source>Professional qualification (degree and field)</source>
        <translation>Trình độ chuyên môn, nghiệp vụ (bằng cấp và chuyên ngành)</translation>
    </message>
    <message>
        <source>e.g. Cử nhân Luật</source>
        <translation>ví dụ: Cử nhân Luật</translation>
    </message>
    <message>
        <source>Political theory level</source>
        <translation>Trình độ lý luận chính trị</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Lý lịch</translation>
    </message>
    <message>
        <source>Yearly ratings</source>
        <translation>Xếp loại hằng năm</translation>
    </message>
    <message>
        <source>Awards received</source>
        <translation>Khen thưởng đã nhận</translation>
    </message>
</context>
<context>
    <name>PhaseChooser</name>
    <message>
        <source>Phase:</source>
        <translation>Đợt:</translation>
    </message>
    <message>
        <source>Whole campaign</source>
        <translation>Cả phong trào</translation>
    </message>
</context>
<context>
    <name>PhaseDelegate</name>
    <message>
        <source>Whole campaign</source>
        <translation>Cả phong trào</translation>
    </message>
    <message>
        <source>Phase %1</source>
        <translation>Đợt %1</translation>
    </message>
</context>
<context>
    <name>PhasesModel</name>
    <message>
        <source>Phase</source>
        <translation>Đợt</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Đến</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn gửi hồ sơ</translation>
    </message>
    <message>
        <source>Report due</source>
        <translation>Hạn báo cáo</translation>
    </message>
</context>
<context>
    <name>PlanImportDialog</name>
    <message>
        <source>Review the plan — %1</source>
        <translation>Kiểm tra kế hoạch — %1</translation>
    </message>
    <message>
        <source>Read from “%1”. Check every field against the document on the left: entering a field shows where its value was read. Correct what is wrong, then press Save; nothing is stored before that.</source>
        <translation>Đã đọc từ tệp “%1”. Hãy đối chiếu từng trường với văn bản gốc bên trái: khi chọn một trường, chỗ đọc được giá trị của trường đó được tô đậm. Sửa chỗ chưa đúng rồi bấm Lưu; trước khi bấm Lưu chưa có gì được lưu.</translation>
    </message>
    <message>
        <source>To check (%1):</source>
        <translation>Cần kiểm tra (%1):</translation>
    </message>
    <message>
        <source>The importer noted no problem; still check each field.</source>
        <translation>Không phát hiện vấn đề khi đọc; vẫn cần kiểm tra từng trường.</translation>
    </message>
    <message>
        <source>Plan already imported</source>
        <translation>Kế hoạch đã được nhập</translation>
    </message>
    <message>
        <source>This plan is already campaign %1 “%2”. Update that campaign from this file? Its achievements and nominations stay linked.</source>
        <translation>Kế hoạch này đã là phong trào %1 “%2”. Cập nhật phong trào đó theo tệp này? Các thành tích và đề nghị khen thưởng đã gắn với phong trào vẫn được giữ.</translation>
    </message>
    <message>
        <source>Discard the review</source>
        <translation>Bỏ kết quả đọc</translation>
    </message>
    <message>
        <source>Close without saving? The corrections made here will be lost.</source>
        <translation>Đóng mà không lưu? Các chỉnh sửa vừa làm sẽ bị mất.</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>The preview needs Qt&apos;s PDF module (the PySide6-Pdf package). Export a PDF to see the document.</source>
        <translation>Xem trước cần mô-đun PDF của Qt (gói PySide6-Pdf). Hãy xuất tệp PDF để xem văn bản.</translation>
    </message>
</context>
<context>
    <name>PrintLogModel</name>
    <message>
        <source>Printed at</source>
        <translation>Thời điểm in</translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation>Người in</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Số bản</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>Why printing was allowed</source>
        <translation>Lý do được in</translation>
    </message>
</context>
<context>
    <name>PrintLogPage</name>
    <message>
        <source>Print log</source>
        <translation>Sổ in</translation>
    </message>
    <message>
        <source>Paperless campaigns print only classified documents and the dossiers of state-level awards; every print is written here with why it was allowed.</source>
        <translation>Phong trào không dùng giấy chỉ in văn bản mật và hồ sơ đề nghị khen thưởng cấp Nhà nước; mỗi lần in đều được ghi vào đây cùng lý do được in.</translation>
    </message>
    <message>
        <source>Paper used per month (pages × copies)</source>
        <translation>Giấy in theo tháng (số trang × số bản)</translation>
    </message>
    <message>
        <source>%1 prints logged · %2 pages this month</source>
        <translation>%1 lần in đã ghi · %2 trang trong tháng này</translation>
    </message>
</context>
<context>
    <name>PriorAwards</name>
    <message>
        <source>Add award</source>
        <translation>Thêm khen thưởng</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
</context>
<context>
    <name>PriorAwardsModel</name>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Danh hiệu / hình thức</translation>
    </message>
    <message>
        <source>Decision no.</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Cơ quan ban hành</translation>
    </message>
</context>
<context>
    <name>QtSpooler</name>
    <message>
        <source>The document&apos;s PDF could not be read to send it to the printer.</source>
        <translation>Không đọc được tệp PDF của văn bản để gửi ra máy in.</translation>
    </message>
    <message>
        <source>The printer could not be opened. Check that it is on and has paper, then print again.</source>
        <translation>Không mở được máy in. Hãy kiểm tra máy in đã bật và còn giấy, rồi in lại.</translation>
    </message>
    <message>
        <source>The printer stopped part way; check it, then print again.</source>
        <translation>Máy in dừng giữa chừng; hãy kiểm tra máy in rồi in lại.</translation>
    </message>
</context>
<context>
    <name>RatingDelegate</name>
    <message>
        <source>(not rated)</source>
        <translation>(chưa xếp loại)</translation>
    </message>
</context>
<context>
    <name>RatingsModel</name>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Xếp loại</translation>
    </message>
</context>
<context>
    <name>RegistrationModel</name>
    <message>
        <source>Registered</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <source>Collective or person</source>
        <translation>Tập thể, cá nhân</translation>
    </message>
    <message>
        <source>Titles aimed for</source>
        <translation>Danh hiệu đăng ký</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>Tập thể</translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <source>Tick who registers; type the titles aimed for (separated by “;”) and a target per criterion. The plan&apos;s targets are filled in. Registration never blocks a nomination unless the unit&apos;s rules require it.</source>
        <translation>Đánh dấu tập thể, cá nhân đăng ký; ghi danh hiệu đăng ký (cách nhau bởi dấu “;”) và chỉ tiêu cho từng tiêu chí. Chỉ tiêu của kế hoạch đã được điền sẵn. Đăng ký thi đua không chặn việc đề nghị khen thưởng, trừ khi quy chế của đơn vị yêu cầu.</translation>
    </message>
    <message>
        <source>The unit&apos;s rules require registration before a nomination</source>
        <translation>Quy chế của đơn vị yêu cầu đăng ký thi đua trước khi đề nghị khen thưởng</translation>
    </message>
    <message>
        <source>Year&apos;s titles…</source>
        <translation>Danh hiệu của năm…</translation>
    </message>
    <message>
        <source>Register the year&apos;s emulation titles (Lao động tiên tiến, Chiến sĩ thi đua cơ sở…), outside any campaign</source>
        <translation>Đăng ký danh hiệu thi đua của năm (Lao động tiên tiến, Chiến sĩ thi đua cơ sở…), ngoài các phong trào</translation>
    </message>
    <message>
        <source>Excel template…</source>
        <translation>Tệp Excel mẫu…</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>Xuất danh sách…</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>%1 registered</source>
        <translation>%1 đã đăng ký</translation>
    </message>
    <message>
        <source>Excel template</source>
        <translation>Tệp Excel mẫu</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>Xuất danh sách</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>Nhập từ Excel</translation>
    </message>
    <message>
        <source>%1 registrations imported.</source>
        <translation>Đã nhập %1 bản đăng ký.</translation>
    </message>
</context>
<context>
    <name>Registrations</name>
    <message>
        <source>Cannot save</source>
        <translation>Không lưu được</translation>
    </message>
</context>
<context>
    <name>ReviewMeetingDialog</name>
    <message>
        <source>Council meeting of the %1 review</source>
        <translation>Họp Hội đồng bình xét năm %1</translation>
    </message>
</context>
<context>
    <name>ReviewModels</name>
    <message>
        <source>%1 (proposed upward)</source>
        <translation>%1 (đề nghị cấp trên)</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Open a review…</source>
        <translation>Mở đợt bình xét…</translation>
    </message>
    <message>
        <source>Only those who qualify</source>
        <translation>Chỉ hiện người, tập thể đủ điều kiện</translation>
    </message>
    <message>
        <source>Choose everyone who qualifies</source>
        <translation>Chọn tất cả đủ điều kiện</translation>
    </message>
    <message>
        <source>Initiatives…</source>
        <translation>Sáng kiến…</translation>
    </message>
    <message>
        <source>The initiatives (sáng kiến) recognised in the year, which Chiến sĩ thi đua cơ sở may rest on</source>
        <translation>Các sáng kiến được công nhận trong năm, căn cứ xét Chiến sĩ thi đua cơ sở</translation>
    </message>
    <message>
        <source>Put to the council</source>
        <translation>Trình Hội đồng</translation>
    </message>
    <message>
        <source>The ticked titles become the list before the council (danh sách đề nghị); titles that need a secret ballot get one at the meeting</source>
        <translation>Các danh hiệu đã đánh dấu thành danh sách đề nghị trình Hội đồng; danh hiệu cần bỏ phiếu kín sẽ được bỏ phiếu tại cuộc họp</translation>
    </message>
    <message>
        <source>Council meeting…</source>
        <translation>Họp Hội đồng…</translation>
    </message>
    <message>
        <source>The council&apos;s meeting on the review: members, quorum, secret ballots; closing it records the results on the list</source>
        <translation>Cuộc họp bình xét của Hội đồng: thành viên, số có mặt, bỏ phiếu kín; kết thúc cuộc họp thì ghi kết quả vào danh sách</translation>
    </message>
    <message>
        <source>Minutes…</source>
        <translation>Biên bản…</translation>
    </message>
    <message>
        <source>The Biên bản bình xét of the latest closed council meeting, drafted from it: edit, number and finalise it like any document</source>
        <translation>Biên bản bình xét của cuộc họp Hội đồng đã kết thúc gần nhất, soạn từ cuộc họp: sửa, ghi số và hoàn thiện như mọi văn bản</translation>
    </message>
    <message>
        <source>Conditions of the selected candidate</source>
        <translation>Điều kiện của đối tượng đang chọn</translation>
    </message>
    <message>
        <source>The head&apos;s decision</source>
        <translation>Quyết định của thủ trưởng đơn vị</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>e.g. 05/QĐ-TTTGPL</source>
        <translation>ví dụ 05/QĐ-TTTGPL</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Cấp quyết định</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Ghi quyết định</translation>
    </message>
    <message>
        <source>Print certificates…</source>
        <translation>In Giấy khen…</translation>
    </message>
    <message>
        <source>The Giấy khen of each recipient, a page each; a paper award may be printed, and every print goes to the print log</source>
        <translation>Giấy khen của từng người, tập thể được khen, mỗi trang một Giấy khen; khen thưởng bằng giấy được in, mỗi lần in đều ghi vào sổ in</translation>
    </message>
    <message>
        <source>Decision document…</source>
        <translation>Văn bản quyết định…</translation>
    </message>
    <message>
        <source>The head&apos;s decision with its list (Mẫu 1.2, NĐ 30/2020), drafted with the decision&apos;s number and date: edit, finalise, save as PDF or Word</source>
        <translation>Quyết định của thủ trưởng kèm danh sách (Mẫu 1.2, NĐ 30/2020), soạn với số và ngày của quyết định: sửa, hoàn thiện, lưu PDF hoặc Word</translation>
    </message>
    <message>
        <source>The council met on %1: %2 titles passed. Record the head&apos;s decision.</source>
        <translation>Hội đồng đã họp ngày %1: %2 danh hiệu được thông qua. Hãy ghi quyết định của thủ trưởng đơn vị.</translation>
    </message>
    <message>
        <source>%1 titles are before the council: hold its meeting with “Council meeting…”.</source>
        <translation>%1 danh hiệu đã trình Hội đồng: tổ chức cuộc họp bằng nút “Họp Hội đồng…”.</translation>
    </message>
    <message>
        <source>Under review: tick the titles, put them to the council, then record the head&apos;s decision.</source>
        <translation>Đang bình xét: đánh dấu các danh hiệu, trình Hội đồng, rồi ghi quyết định của thủ trưởng đơn vị.</translation>
    </message>
    <message>
        <source>No review yet: press “Open a review…”.</source>
        <translation>Chưa có đợt bình xét: bấm “Mở đợt bình xét…”.</translation>
    </message>
    <message>
        <source>Decided: %1</source>
        <translation>Đã có quyết định: %1</translation>
    </message>
    <message>
        <source>Total prizes: %1</source>
        <translation>Tổng tiền thưởng: %1</translation>
    </message>
    <message>
        <source>Open a review</source>
        <translation>Mở đợt bình xét</translation>
    </message>
    <message>
        <source>Year reviewed:</source>
        <translation>Năm bình xét:</translation>
    </message>
    <message>
        <source>%1 chosen of %2</source>
        <translation>đã chọn %1/%2</translation>
    </message>
    <message>
        <source>Select a candidate to see the title&apos;s conditions.</source>
        <translation>Chọn một đối tượng để xem điều kiện của danh hiệu.</translation>
    </message>
    <message>
        <source>Save the decision</source>
        <translation>Lưu quyết định</translation>
    </message>
    <message>
        <source>PDF or Word (*.pdf *.docx)</source>
        <translation>PDF hoặc Word (*.pdf *.docx)</translation>
    </message>
    <message>
        <source>Print certificates</source>
        <translation>In Giấy khen</translation>
    </message>
    <message>
        <source>Print the %1 Giấy khen of the decision on the default printer?</source>
        <translation>In %1 Giấy khen của quyết định ra máy in mặc định?</translation>
    </message>
</context>
<context>
    <name>RunningCampaigns</name>
    <message>
        <source>No campaign is under way. Campaigns are imported from the department&apos;s plans on the “Emulation campaigns” page.</source>
        <translation>Không có phong trào nào đang diễn ra. Phong trào được nhập từ kế hoạch của Sở ở trang “Phong trào thi đua”.</translation>
    </message>
    <message>
        <source>No criterion of this campaign has a numeric target to follow.</source>
        <translation>Phong trào này không có tiêu chí nào có chỉ tiêu bằng số để theo dõi.</translation>
    </message>
    <message>
        <source>runs %1</source>
        <translation>thời gian %1</translation>
    </message>
    <message>
        <source>Dossier deadline: not set in the plan</source>
        <translation>Hạn gửi hồ sơ: kế hoạch không ghi</translation>
    </message>
    <message>
        <source>Dossier deadline: %1</source>
        <translation>Hạn gửi hồ sơ: %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>hạn %1</translation>
    </message>
    <message>
        <source>Current phase: %1</source>
        <translation>Đợt hiện tại: %1</translation>
    </message>
    <message>
        <source>Awards and quotas used:</source>
        <translation>Khen thưởng và số lượng đã đề nghị:</translation>
    </message>
    <message>
        <source>The plan names no award.</source>
        <translation>Kế hoạch không nêu hình thức khen thưởng.</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>Opening the signing key…</source>
        <translation>Đang mở khóa ký số…</translation>
    </message>
    <message>
        <source>1. Dossier required by the plan</source>
        <translation>1. Hồ sơ theo yêu cầu của kế hoạch</translation>
    </message>
    <message>
        <source>2. Evidence to include</source>
        <translation>2. Minh chứng đưa vào gói</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Chọn tất cả</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>Bỏ chọn tất cả</translation>
    </message>
    <message>
        <source>3. Signing key</source>
        <translation>3. Chữ ký số</translation>
    </message>
    <message>
        <source>Key file (.p12, .pfx)</source>
        <translation>Tệp chữ ký số (.p12, .pfx)</translation>
    </message>
    <message>
        <source>USB token</source>
        <translation>Thiết bị ký (USB token)</translation>
    </message>
    <message>
        <source>The key file given by the certification authority</source>
        <translation>Tệp chữ ký số do tổ chức cung cấp dịch vụ chứng thực cấp</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>The file&apos;s password is asked for when signing; it is never saved.</source>
        <translation>Mật khẩu của tệp được hỏi khi ký và không bao giờ được lưu lại.</translation>
    </message>
    <message>
        <source>Driver:</source>
        <translation>Trình điều khiển:</translation>
    </message>
    <message>
        <source>The token&apos;s PKCS#11 driver (.dll, .so)</source>
        <translation>Trình điều khiển PKCS#11 của thiết bị ký (.dll, .so)</translation>
    </message>
    <message>
        <source>The PKCS#11 driver installed with the token&apos;s software, e.g. C:\Windows\System32\eTPKCS11.dll</source>
        <translation>Trình điều khiển PKCS#11 được cài cùng phần mềm của thiết bị ký, ví dụ C:\Windows\System32\eTPKCS11.dll</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Find tokens</source>
        <translation>Tìm thiết bị</translation>
    </message>
    <message>
        <source>Show certificates…</source>
        <translation>Xem chứng thư số…</translation>
    </message>
    <message>
        <source>Log in with the PIN to list the keys on the token</source>
        <translation>Nhập mã PIN để xem các khóa trên thiết bị ký</translation>
    </message>
    <message>
        <source>Tokens found:</source>
        <translation>Thiết bị ký tìm thấy:</translation>
    </message>
    <message>
        <source>Keys and certificates on the token:</source>
        <translation>Khóa và chứng thư số trên thiết bị:</translation>
    </message>
    <message>
        <source>The PIN is asked for when signing; it is never saved. With one certificate on the token there is nothing to choose.</source>
        <translation>Mã PIN được hỏi khi ký và không bao giờ được lưu lại. Nếu thiết bị chỉ có một chứng thư số thì không cần chọn khóa.</translation>
    </message>
    <message>
        <source>The signed PDFs were saved as
%1
%2, %3 files, signed by %4 at %5; each signature was checked after writing.</source>
        <translation>Đã ký số và lưu các tệp PDF tại
%1
Dung lượng %2, gồm %3 tệp, do %4 ký lúc %5; mỗi chữ ký đã được kiểm tra sau khi ghi.</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Đổi…</translation>
    </message>
    <message>
        <source>Attach a file for a listed paper…</source>
        <translation>Đính kèm tệp cho giấy tờ trong danh mục…</translation>
    </message>
    <message>
        <source>A paper the plan lists that the app does not draft (a confirmation from another body, an initiative&apos;s certificate…): PDF, DOCX or image</source>
        <translation>Giấy tờ kế hoạch yêu cầu mà ứng dụng không soạn (xác nhận của cơ quan khác, giấy chứng nhận sáng kiến…): PDF, DOCX hoặc ảnh</translation>
    </message>
    <message>
        <source>Sign and create package</source>
        <translation>Ký và tạo gói</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>Check this package</source>
        <translation>Kiểm tra gói này</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Đính kèm tệp</translation>
    </message>
    <message>
        <source>The plan&apos;s dossier list names no paper to attach: the app drafts every document it lists.</source>
        <translation>Danh mục hồ sơ của kế hoạch không có giấy tờ nào cần đính kèm: ứng dụng soạn mọi văn bản trong danh mục.</translation>
    </message>
    <message>
        <source>Paper of the dossier list:</source>
        <translation>Giấy tờ trong danh mục hồ sơ:</translation>
    </message>
    <message>
        <source>Choose the file to attach</source>
        <translation>Chọn tệp đính kèm</translation>
    </message>
    <message>
        <source>PDF, Word or image (*.pdf *.docx *.png *.jpg *.jpeg)</source>
        <translation>PDF, Word hoặc ảnh (*.pdf *.docx *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>There is no campaign yet.</source>
        <translation>Chưa có phong trào thi đua nào.</translation>
    </message>
    <message>
        <source>The package cannot be created yet:</source>
        <translation>Chưa tạo được gói hồ sơ vì:</translation>
    </message>
    <message>
        <source>Every required document is finalised: the dossier can be signed and sent.</source>
        <translation>Các văn bản theo yêu cầu đều đã hoàn thiện: có thể ký số và gửi hồ sơ.</translation>
    </message>
    <message>
        <source>The achievements of this campaign have no evidence files.</source>
        <translation>Các thành tích của phong trào này chưa có tệp minh chứng.</translation>
    </message>
    <message>
        <source>%1 of %2 files chosen</source>
        <translation>Đã chọn %1/%2 tệp</translation>
    </message>
    <message>
        <source>Every required document must be finalised first</source>
        <translation>Cần hoàn thiện đủ các văn bản theo yêu cầu trước</translation>
    </message>
    <message>
        <source>Choose the key file</source>
        <translation>Chọn tệp chữ ký số</translation>
    </message>
    <message>
        <source>Key files (*.p12 *.pfx);;All files (*)</source>
        <translation>Tệp chữ ký số (*.p12 *.pfx);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Choose the token&apos;s PKCS#11 driver</source>
        <translation>Chọn trình điều khiển PKCS#11 của thiết bị ký</translation>
    </message>
    <message>
        <source>PKCS#11 drivers (%1);;All files (*)</source>
        <translation>Trình điều khiển PKCS#11 (%1);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Choose the token&apos;s PKCS#11 driver first.</source>
        <translation>Hãy chọn trình điều khiển PKCS#11 của thiết bị ký trước.</translation>
    </message>
    <message>
        <source>%1 token(s) found. Choose one, then show its certificates or sign directly.</source>
        <translation>Tìm thấy %1 thiết bị ký. Chọn thiết bị, rồi xem chứng thư số hoặc ký ngay.</translation>
    </message>
    <message>
        <source>No token found. Plug the token in, wait a moment, then try again.</source>
        <translation>Không tìm thấy thiết bị ký nào. Hãy cắm thiết bị ký vào máy, chờ giây lát rồi thử lại.</translation>
    </message>
    <message>
        <source>Token PIN</source>
        <translation>Mã PIN thiết bị ký</translation>
    </message>
    <message>
        <source>PIN of the token “%1”:</source>
        <translation>Mã PIN của thiết bị ký “%1”:</translation>
    </message>
    <message>
        <source>Choose the key file (.p12, .pfx) to sign with.</source>
        <translation>Hãy chọn tệp chữ ký số (.p12, .pfx) dùng để ký.</translation>
    </message>
    <message>
        <source>Evidence files travel only in the signed package (ASiC-E).</source>
        <translation>Tệp minh chứng chỉ được gửi kèm trong gói hồ sơ ký số (ASiC-E).</translation>
    </message>
    <message>
        <source>Signed packages (*.asice)</source>
        <translation>Gói hồ sơ ký số (*.asice)</translation>
    </message>
    <message>
        <source>Choose where to save the package.</source>
        <translation>Hãy chọn nơi lưu gói hồ sơ.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Thư mục %1 không tồn tại.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Ghi đè tệp?</translation>
    </message>
    <message>
        <source>The file %1 already exists. Replace it with the new package?</source>
        <translation>Tệp %1 đã có. Thay tệp đó bằng gói hồ sơ mới?</translation>
    </message>
    <message>
        <source>4. How the Sở receives it, and where to save</source>
        <translation>4. Cách gửi Sở và nơi lưu</translation>
    </message>
    <message>
        <source>Signed package (ASiC-E), with the Word files and evidence</source>
        <translation>Gói hồ sơ ký số (ASiC-E), kèm tệp Word và minh chứng</translation>
    </message>
    <message>
        <source>A folder of signed PDFs and the Excel list, for the document system</source>
        <translation>Thư mục các tệp PDF đã ký số và danh sách Excel, để tải lên hệ thống quản lý văn bản</translation>
    </message>
    <message>
        <source>The signed PDFs and the Excel list in one ZIP file, for email</source>
        <translation>Các tệp PDF đã ký số và danh sách Excel nén trong một tệp ZIP, để gửi thư điện tử</translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>Tệp ZIP (*.zip)</translation>
    </message>
    <message>
        <source>New folder (*)</source>
        <translation>Thư mục mới (*)</translation>
    </message>
    <message>
        <source>Save the dossier as</source>
        <translation>Lưu hồ sơ thành</translation>
    </message>
    <message>
        <source>The folder %1 already exists. Replace it and everything in it with the signed PDFs?</source>
        <translation>Thư mục %1 đã có. Thay thư mục đó và mọi tệp trong đó bằng các tệp PDF đã ký?</translation>
    </message>
    <message>
        <source>The key file %1 does not exist.</source>
        <translation>Không tìm thấy tệp chữ ký số %1.</translation>
    </message>
    <message>
        <source>Key file password</source>
        <translation>Mật khẩu tệp chữ ký số</translation>
    </message>
    <message>
        <source>Password of %1:</source>
        <translation>Mật khẩu của %1:</translation>
    </message>
    <message>
        <source>the token</source>
        <translation>thiết bị ký</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Đang ký số…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <source>The package was not created</source>
        <translation>Chưa tạo được gói hồ sơ</translation>
    </message>
    <message>
        <source>The package was not created: an unexpected error occurred.</source>
        <translation>Chưa tạo được gói hồ sơ do có lỗi ngoài dự kiến.</translation>
    </message>
    <message>
        <source>The signed package was saved as
%1
%2, %3 files, signed by %4 at %5.</source>
        <translation>Đã ký số và lưu gói hồ sơ tại
%1
Dung lượng %2, gồm %3 tệp, do %4 ký lúc %5.</translation>
    </message>
</context>
<context>
    <name>SharesModel</name>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Danh hiệu</translation>
    </message>
    <message>
        <source>Holders / staff rated</source>
        <translation>Số đạt / số được xếp loại</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Tỷ lệ</translation>
    </message>
</context>
<context>
    <name>StatisticsModels</name>
    <message>
        <source>Total</source>
        <translation>Tổng số</translation>
    </message>
    <message>
        <source>Prize money</source>
        <translation>Tiền thưởng</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>From year:</source>
        <translation>Từ năm:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>đến:</translation>
    </message>
    <message>
        <source>Chart by:</source>
        <translation>Biểu đồ theo:</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp khen thưởng</translation>
    </message>
    <message>
        <source>Kind (title or award form)</source>
        <translation>Loại (danh hiệu hay hình thức)</translation>
    </message>
    <message>
        <source>Individual or collective</source>
        <translation>Cá nhân hay tập thể</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>By year and award</source>
        <translation>Theo năm và hình thức</translation>
    </message>
    <message>
        <source>Awards received</source>
        <translation>Khen thưởng đã nhận</translation>
    </message>
    <message>
        <source>Share of staff per title</source>
        <translation>Tỷ lệ danh hiệu trên số người</translation>
    </message>
    <message>
        <source>History of:</source>
        <translation>Quá trình của:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Quá trình khen thưởng</translation>
    </message>
    <message>
        <source>%1 (collective)</source>
        <translation>%1 (tập thể)</translation>
    </message>
    <message>
        <source>%1 awards, prizes %2</source>
        <translation>%1 khen thưởng, tiền thưởng %2</translation>
    </message>
    <message>
        <source>Export awards</source>
        <translation>Xuất khen thưởng</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>SubjectChooser</name>
    <message>
        <source>A person</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>A collective</source>
        <translation>Tập thể</translation>
    </message>
</context>
<context>
    <name>ThresholdEditor</name>
    <message>
        <source>at least</source>
        <translation>từ … trở lên</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>trên</translation>
    </message>
</context>
<context>
    <name>TokensModel</name>
    <message>
        <source>Token</source>
        <translation>Thiết bị ký</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Số sê-ri</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>Hãng sản xuất</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>Unit profile</source>
        <translation>Thông tin đơn vị</translation>
    </message>
    <message>
        <source>New documents are drafted with this profile: the header, the place, the abbreviation in the number and the head&apos;s signature block.</source>
        <translation>Văn bản soạn mới dùng các thông tin này: phần đầu văn bản, địa danh, chữ viết tắt trong số ký hiệu và phần chữ ký của thủ trưởng.</translation>
    </message>
</context>
<context>
    <name>UnitDocumentDialog</name>
    <message>
        <source>Finalise</source>
        <translation>Hoàn thiện</translation>
    </message>
    <message>
        <source>Reopen for editing</source>
        <translation>Mở lại để sửa</translation>
    </message>
    <message>
        <source>Save as PDF or Word…</source>
        <translation>Lưu PDF hoặc Word…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Reopen the document as a draft? The finalised PDF and Word files are dropped.</source>
        <translation>Mở lại văn bản thành bản nháp? Các tệp PDF và Word đã hoàn thiện sẽ bị bỏ.</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>Lưu văn bản</translation>
    </message>
    <message>
        <source>PDF or Word (*.pdf *.docx)</source>
        <translation>PDF hoặc Word (*.pdf *.docx)</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <source>Unit name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Governing body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <source>Province (place name in documents)</source>
        <translation>Tỉnh, thành phố (địa danh trên văn bản)</translation>
    </message>
    <message>
        <source>Abbreviation in document symbols</source>
        <translation>Chữ viết tắt trong số, ký hiệu văn bản</translation>
    </message>
    <message>
        <source>Head of unit</source>
        <translation>Thủ trưởng đơn vị</translation>
    </message>
    <message>
        <source>Head&apos;s title</source>
        <translation>Chức vụ của thủ trưởng</translation>
    </message>
    <message>
        <source>Clerk in charge of emulation</source>
        <translation>Người theo dõi thi đua, khen thưởng</translation>
    </message>
    <message>
        <source>e.g. Trung tâm Trợ giúp pháp lý nhà nước tỉnh Hà Tĩnh</source>
        <translation>ví dụ: Trung tâm Trợ giúp pháp lý nhà nước tỉnh Hà Tĩnh</translation>
    </message>
    <message>
        <source>e.g. Sở Tư pháp tỉnh Hà Tĩnh</source>
        <translation>ví dụ: Sở Tư pháp tỉnh Hà Tĩnh</translation>
    </message>
    <message>
        <source>e.g. Hà Tĩnh</source>
        <translation>ví dụ: Hà Tĩnh</translation>
    </message>
    <message>
        <source>e.g. TTTGPL (as in 15/TTr-TTTGPL)</source>
        <translation>ví dụ: TTTGPL (như trong số 15/TTr-TTTGPL)</translation>
    </message>
    <message>
        <source>e.g. Giám đốc</source>
        <translation>ví dụ: Giám đốc</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <source>Check again</source>
        <translation>Kiểm tra lại</translation>
    </message>
    <message>
        <source>Package or PDF:</source>
        <translation>Gói hoặc PDF:</translation>
    </message>
    <message>
        <source>Open a signed package (.asice), a signed PDF or a folder of PDFs, or drop it on this page</source>
        <translation>Mở gói hồ sơ đã ký (.asice), tệp PDF đã ký hoặc thư mục PDF, hoặc kéo thả vào trang này</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>Mở tệp…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Mở thư mục…</translation>
    </message>
    <message>
        <source>Trusted certificates (CA), kept in the data file</source>
        <translation>Chứng thư số CA tin cậy (lưu trong tệp dữ liệu)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Nhập…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Người ký:</translation>
    </message>
    <message>
        <source>Signed at:</source>
        <translation>Thời điểm ký:</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Các nội dung kiểm tra</translation>
    </message>
    <message>
        <source>Files in the package</source>
        <translation>Các tệp trong gói</translation>
    </message>
    <message>
        <source>The signer is trusted when their certificate leads to one of these root certificates.</source>
        <translation>Người ký được tin cậy khi chứng thư số của họ dẫn tới một trong các chứng thư gốc này.</translation>
    </message>
    <message>
        <source>Import the root certificate (.pem, .crt, .cer, .p7b) of the signer&apos;s certification authority; without it the signer cannot be confirmed.</source>
        <translation>Hãy nhập chứng thư số gốc (.pem, .crt, .cer, .p7b) của tổ chức chứng thực đã cấp chứng thư cho người ký; nếu không có thì không xác nhận được người ký.</translation>
    </message>
    <message>
        <source>Cannot import the certificate</source>
        <translation>Không nhập được chứng thư số</translation>
    </message>
    <message>
        <source>Choose CA certificates</source>
        <translation>Chọn chứng thư số CA</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der *.p7b);;All files (*)</source>
        <translation>Chứng thư số (*.pem *.crt *.cer *.der *.p7b);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Stop trusting</source>
        <translation>Bỏ tin cậy</translation>
    </message>
    <message>
        <source>Stop trusting “%1”? Signatures that lead to it will no longer be confirmed.</source>
        <translation>Bỏ tin cậy “%1”? Các chữ ký dẫn tới chứng thư số này sẽ không còn được xác nhận.</translation>
    </message>
    <message>
        <source>Open a signed package or PDF</source>
        <translation>Mở gói hồ sơ hoặc tệp PDF đã ký</translation>
    </message>
    <message>
        <source>Signed packages and PDFs (*.asice *.sce *.zip *.pdf);;All files (*)</source>
        <translation>Gói hồ sơ và tệp PDF đã ký (*.asice *.sce *.zip *.pdf);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Open a folder of signed PDFs</source>
        <translation>Mở thư mục các tệp PDF đã ký</translation>
    </message>
    <message>
        <source>Open a signed package (.asice), a signed PDF or a folder, or drop it here to check it.</source>
        <translation>Mở gói hồ sơ đã ký (.asice), tệp PDF đã ký hoặc thư mục, hoặc kéo thả vào đây để kiểm tra.</translation>
    </message>
    <message>
        <source>CANNOT BE CHECKED HERE</source>
        <translation>CHƯA KIỂM TRA ĐƯỢC</translation>
    </message>
    <message>
        <source>This package was made by another tool with a kind of signature this app cannot check yet (see the lines marked ✗). Nothing checked shows a change; check it with the signing tool of the signer&apos;s certification authority.</source>
        <translation>Gói này do phần mềm khác tạo, dùng loại chữ ký Sổ thi đua chưa kiểm tra được (xem các dòng đánh dấu ✗). Những gì đã kiểm tra không cho thấy thay đổi nào; hãy kiểm tra bằng phần mềm ký số của tổ chức chứng thực đã cấp chứng thư cho người ký.</translation>
    </message>
    <message>
        <source>%1 (Vietnam time; the latest signature)</source>
        <translation>%1 (giờ Việt Nam; chữ ký sau cùng)</translation>
    </message>
    <message>
        <source>Cannot check the package</source>
        <translation>Không kiểm tra được gói hồ sơ</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>HỢP LỆ</translation>
    </message>
    <message>
        <source>The package is intact, exactly as it was signed, and the signer&apos;s certificate is trusted. All %1 checks passed.</source>
        <translation>Gói hồ sơ còn nguyên vẹn, đúng như khi ký, và chứng thư số của người ký được tin cậy. Đạt cả %1 nội dung kiểm tra.</translation>
    </message>
    <message>
        <source>Every signature is intact, the documents did not change after signing except as the standard allows, and the signers&apos; certificates are trusted. All %1 checks passed.</source>
        <translation>Mọi chữ ký đều nguyên vẹn, tài liệu không bị thay đổi sau khi ký (ngoài những bổ sung chuẩn cho phép) và chứng thư số của người ký được tin cậy. Đạt cả %1 bước kiểm tra.</translation>
    </message>
    <message>
        <source>NOT VALID</source>
        <translation>KHÔNG HỢP LỆ</translation>
    </message>
    <message>
        <source>%1 of %2 checks failed; see the lines marked ✗ below. Do not accept this package as it is.</source>
        <translation>Có %1/%2 nội dung kiểm tra không đạt (các dòng đánh dấu ✗ bên dưới). Không tiếp nhận gói hồ sơ này.</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(không rõ)</translation>
    </message>
    <message>
        <source>%1 (Vietnam time, from the signer&apos;s computer)</source>
        <translation>%1 (giờ Việt Nam, theo đồng hồ máy của người ký)</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Sổ thi đua</source>
        <translation>Chào mừng đến với Sổ thi đua</translation>
    </message>
    <message>
        <source>This computer has no ledger yet. How would you like to begin?</source>
        <translation>Máy này chưa có sổ thi đua nào. Bạn muốn bắt đầu thế nào?</translation>
    </message>
    <message>
        <source>Set up my unit</source>
        <translation>Khai báo đơn vị của tôi</translation>
    </message>
    <message>
        <source>Enter the unit&apos;s name, governing body, head and collectives. Your records are kept in %1.</source>
        <translation>Nhập tên đơn vị, cơ quan chủ quản, thủ trưởng và các tập thể. Hồ sơ của đơn vị được lưu trong %1.</translation>
    </message>
    <message>
        <source>Set up my unit, then import people from Excel</source>
        <translation>Khai báo đơn vị, rồi nhập danh sách cá nhân từ Excel</translation>
    </message>
    <message>
        <source>The same first step, then a staff list filled in from the Excel template is checked and imported.</source>
        <translation>Bước đầu như trên, sau đó danh sách cán bộ điền theo mẫu Excel được kiểm tra rồi nhập vào sổ.</translation>
    </message>
    <message>
        <source>Open the sample data</source>
        <translation>Mở dữ liệu mẫu</translation>
    </message>
    <message>
        <source>A made-up unit for trying every page. It is kept in a file of its own (%1) and never mixes with your records; its banner leads back to your own ledger.</source>
        <translation>Một đơn vị giả định để dùng thử mọi trang. Dữ liệu mẫu nằm trong tệp riêng (%1), không bao giờ lẫn vào hồ sơ của bạn; dải thông báo trên đó có nút trở về sổ của đơn vị bạn.</translation>
    </message>
    <message>
        <source>Everything is kept on this computer, in the folder %1; no network is needed. The unit&apos;s profile can be changed at any time under File → Unit profile.</source>
        <translation>Mọi dữ liệu được lưu trên máy này, trong thư mục %1; không cần mạng. Thông tin đơn vị sửa lại được bất cứ lúc nào tại Tệp → Thông tin đơn vị.</translation>
    </message>
    <message>
        <source>Your unit</source>
        <translation>Đơn vị của bạn</translation>
    </message>
    <message>
        <source>Documents carry these in their header and signature block. You can change them later under File → Unit profile.</source>
        <translation>Các thông tin này đứng ở phần đầu và phần chữ ký của văn bản. Có thể sửa lại sau tại Tệp → Thông tin đơn vị.</translation>
    </message>
    <message>
        <source>Collectives (rooms, teams, branches)</source>
        <translation>Các tập thể (phòng, tổ, chi nhánh)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Start, then import from Excel</source>
        <translation>Bắt đầu, rồi nhập từ Excel</translation>
    </message>
</context>
<context>
    <name>YearRegistrationDialog</name>
    <message>
        <source>Registration of the year&apos;s titles</source>
        <translation>Đăng ký danh hiệu thi đua của năm</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Tick the titles each collective and person registers for this year, outside any campaign. Registration never blocks a nomination unless the unit&apos;s rules require it.</source>
        <translation>Đánh dấu danh hiệu mỗi tập thể, cá nhân đăng ký trong năm, ngoài các phong trào. Đăng ký không chặn việc đề nghị khen thưởng, trừ khi quy chế của đơn vị yêu cầu.</translation>
    </message>
    <message>
        <source>Excel template…</source>
        <translation>Tệp Excel mẫu…</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>Xuất danh sách…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>%1 registered</source>
        <translation>%1 đã đăng ký</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <source>The registrations have changes that are not saved. Discard them?</source>
        <translation>Bản đăng ký có thay đổi chưa lưu. Bỏ các thay đổi đó?</translation>
    </message>
    <message>
        <source>Excel template</source>
        <translation>Tệp Excel mẫu</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>Xuất danh sách</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>Nhập từ Excel</translation>
    </message>
    <message>
        <source>%1 registrations imported.</source>
        <translation>Đã nhập %1 bản đăng ký.</translation>
    </message>
</context>
<context>
    <name>YearRegistrationModel</name>
    <message>
        <source>Collective or person</source>
        <translation>Tập thể, cá nhân</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Danh hiệu</translation>
    </message>
    <message>
        <source>Higher title</source>
        <translation>Danh hiệu cao hơn</translation>
    </message>
    <message>
        <source>Other titles</source>
        <translation>Danh hiệu khác</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Ngày đăng ký</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>Tập thể</translation>
    </message>
</context>
<context>
    <name>_TableBox</name>
    <message>
        <source>Remove row</source>
        <translation>Xóa dòng</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Dòng %1: %2</translation>
    </message>
</context>
</TS>
