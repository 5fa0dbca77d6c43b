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
        <source>A person</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>A collective</source>
        <translation>Tập thể</translation>
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
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
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
    <name>OverviewPage</name>
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
        <source>Latest entries</source>
        <translation>Thành tích mới ghi</translation>
    </message>
    <message>
        <source>No unit profile yet. Enter the unit&apos;s name, governing body and head so that documents carry the right header.</source>
        <translation>Chưa có thông tin đơn vị. Hãy nhập tên đơn vị, cơ quan chủ quản và thủ trưởng để văn bản có phần đầu đúng.</translation>
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
        <source>Profile</source>
        <translation>Lý lịch</translation>
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
    <name>UnitDialog</name>
    <message>
        <source>Unit profile</source>
        <translation>Thông tin đơn vị</translation>
    </message>
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
        <translation>Tỉnh (địa danh trên văn bản)</translation>
    </message>
    <message>
        <source>Abbreviation in document symbols</source>
        <translation>Chữ viết tắt trong ký hiệu văn bản</translation>
    </message>
    <message>
        <source>Head of unit</source>
        <translation>Thủ trưởng đơn vị</translation>
    </message>
    <message>
        <source>Head&apos;s title</source>
        <translation>Chức vụ thủ trưởng</translation>
    </message>
    <message>
        <source>Clerk in charge of emulation</source>
        <translation>Người theo dõi thi đua, khen thưởng</translation>
    </message>
    <message>
        <source>The unit&apos;s name is required.</source>
        <translation>Tên đơn vị không được để trống.</translation>
    </message>
</context>
</TS>
