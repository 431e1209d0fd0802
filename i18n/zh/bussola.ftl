# Bussola — Chinese, Simplified (简体中文). Translated from the Italian reference (i18n/it/bussola.ftl).
# Same messages and variables as the Italian file. Short, plain sentences. Chinese has only the plural category "other".

## The window

app-name = Bussola
app-tagline = 为外国人提供的服务，没有网络也能用
nav-label = 栏目
nav-search = 搜索
nav-favourites = 收藏
nav-about = 关于
language-label = 语言
back = 返回

## Search

search-label = 搜索服务
search-placeholder = 居留许可、医生、意大利语课程…
where-title = 您在哪里？
where-text = 请在下方输入您所在的市镇（comune）或邮政编码：最近的服务会排在前面。此信息只保存在本设备上。
where-later = 以后再说
place-label = 在哪里？
place-placeholder = 市镇或邮编
place-clear = 清除地点
place-none-found = 没有这个名字的市镇
place-use-location = 使用我的位置
place-my-location = 我的位置
place-location-failed = 无法获取位置。
categories-label = 您需要什么帮助？
filter-open-now = 现在开放
filter-language = 窗口使用的语言
filter-language-any = 任何语言
filters-label = 筛选
view-label = 结果显示方式
view-list = 列表
view-map = 地图
results-count =
    { $count ->
        [0] 没有找到服务
       *[other] { $count } 项服务
    }
results-more = 显示更多
# The count when the list shows only its first page ("Show more" brings the rest).
results-count-more = 超过 { $count } 项服务
results-empty-hint = 试试少用几个词，或者去掉一个筛选条件。
search-read-as = 显示“{ $meant }”的结果：您输入的是“{ $typed }”。
search-handled-by = 此事由{ $office }办理；下面的服务可以帮助您。
search-left-out = 没有服务提到“{ $words }”：以下是其他词语的结果。
search-partial = 没有服务包含所有词语：以下是包含其中最多词语的服务。
anywhere-in-italy = 意大利全国
approximate-mark = 大概位置
open-now = 现在开放
closed-now = 现在关闭
hours-unknown = 开放时间不详
hours-uncertain = 开放时间不确定：请先打电话
opens-today-at = { $time } 开门
opens-on-at = { $day } { $time } 开门
closes-at = { $time } 关门
closes-on-at = { $day } { $time } 关门
distance-away = 距离 { $distance }

## Days of the week, Monday first

weekday-0 = 星期一
weekday-1 = 星期二
weekday-2 = 星期三
weekday-3 = 星期四
weekday-4 = 星期五
weekday-5 = 星期六
weekday-6 = 星期日

# The days as they read inside opens-on-at and closes-on-at.
weekday-on-0 = 星期一
weekday-on-1 = 星期二
weekday-on-2 = 星期三
weekday-on-3 = 星期四
weekday-on-4 = 星期五
weekday-on-5 = 星期六
weekday-on-6 = 星期日

## Categories of services

cat-permits = 居留许可
cat-access-point = 信息咨询处
cat-mediation = 文化调解
cat-legal = 法律咨询
cat-language = 意大利语课程
cat-health = 医疗健康
cat-family = 家庭
cat-work = 工作
cat-housing = 住房
cat-food-shelter = 食物和住宿
cat-education = 学校和学习
cat-community = 社团组织
cat-helpline = 求助热线
cat-emergency = 紧急情况
cat-town-hall = 市政厅
cat-other = 其他

## Languages spoken at an office

lang-it = 意大利语
lang-en = 英语
lang-fr = 法语
lang-ar = 阿拉伯语
lang-uk = 乌克兰语
lang-ro = 罗马尼亚语
lang-sq = 阿尔巴尼亚语
lang-es = 西班牙语
lang-zh = 中文
lang-bn = 孟加拉语
lang-ur = 乌尔都语
lang-ru = 俄语
lang-pt = 葡萄牙语
lang-de = 德语
lang-fa = 波斯语
lang-ps = 普什图语
lang-ti = 提格利尼亚语
lang-tr = 土耳其语
lang-pa = 旁遮普语
lang-hi = 印地语
lang-wo = 沃洛夫语
lang-other = 其他语言（{ $code }）

## The map

map-label = 服务地图
map-hint = 拖动可以移动地图。用滚轮或 + 和 − 放大缩小。
map-zoom-in = 放大
map-zoom-out = 缩小
map-reset = 回到最初的视图
map-search-centre = 搜索的地点
map-as-list = 以列表查看这 { $count } 项服务
map-unlocated =
    { $count ->
       *[other] 有 { $count } 项服务没有地址（是电话热线），不在地图上。
    }
map-open-detail = 打开详情

## A service

detail-loading = 正在加载…
detail-not-found = 数据中已经没有这项服务。
in-italian = 意大利语原文
favourite-add = 加入收藏
favourite-remove = 取消收藏
action-call = 打电话
action-directions = 路线
action-osm = 在 OpenStreetMap 上查看
action-card = 窗口出示卡
action-report = 报告错误
action-share = 分享
share-copied = 已复制：请粘贴到消息中。
email-certified = 认证电子邮箱（PEC）：可能不接收普通电子邮件。
detail-alert = 注意
closed-until = 暂时关闭，至 { $date }
closed-for-now = 暂时关闭
service-withdrawn = 此服务已不再提供。
detail-where = 地点
detail-approximate = 大概位置：这个点是市镇的中心，不是办公室的位置。
detail-precision-street = 位置：街道。
detail-precision-building = 位置：建筑物。
detail-hours = 开放时间
detail-today = 今天
detail-holiday = 节假日
detail-closed-day = 关闭
detail-hours-uncertain = 待确认
detail-hours-unreadable = 本应用无法读取这些开放时间。原文：
detail-hours-unknown = 开放时间不详：去之前请先打电话。
detail-contacts = 联系方式
phone-text-only = 只能发短信
detail-email = 电子邮件
detail-website = 网站
detail-organization = 管理机构
detail-languages = 使用的语言
detail-access = 如何获得服务
detail-application = 办理方法
detail-fees = 费用
detail-eligibility = 谁可以去
detail-accessibility = 无障碍设施
detail-verified = 核实日期：{ $date }
detail-not-verified = 不知道这条信息是什么时候核实的。
detail-sources = 来源
detail-data = 数据：{ $feed }，版本 { $version }
report-hint = 邮件会在您的邮件应用中打开。您也可以稍后再发送。
report-no-contact = 这些数据没有说明应该写信给谁：请您自己选择收件人。

## The referral card

card-title = 窗口出示卡
card-print = 打印
card-show = 请在窗口出示这张卡。
card-need = 我需要这项服务。
card-address = 地址
card-phone = 电话
card-hours = 开放时间
card-qr = 包含地址和电话的二维码

## Data on this device

status-feed =
    { $feed }：版本 { $version }，{ $count ->
       *[other] { $count } 项服务
    }
status-data-date = 数据日期：{ $date }
status-expired = 这些数据已经过期：部分信息可能已经过时。
status-last-failed = 上次更新没有成功。
sync-checking = 正在检查更新…
sync-downloading = 正在下载（{ $megabytes } MB）…
sync-applying =
    { $count ->
       *[other] 正在更新 { $count } 项服务…
    }
sync-failed = 更新失败：{ $error }
sync-failed-unreachable = 更新失败：数据服务器没有响应。请连上网络后再试一次。
sync-failed-slow = 更新失败：数据服务器响应太慢，更新已停止。请稍后再试。
sync-failed-signature = 更新被拒绝：收到的数据与它的签名不符，可能被改动过。本设备上的数据没有改变。如果再次发生，请告诉发布这些数据的人。
sync-failed-unknown-key = 更新被拒绝：收到的数据是用本设备不信任的密钥签名的。本设备上的数据没有改变。如果再次发生，请告诉发布这些数据的人。
sync-failed-older = 更新被拒绝：服务器提供的数据比本设备上已有的更旧，或者改动了已经发布的版本。本设备上的数据没有改变。如果再次发生，请告诉发布这些数据的人。
sync-failed-other-feed = 更新被拒绝：这个地址现在提供的是另一份服务列表。本设备上的数据没有改变。如果再次发生，请告诉发布这些数据的人。
sync-failed-mismatch = 更新被拒绝：下载的一个文件与签名的清单不符，因为它在传输中被改动或损坏了。本设备上的数据没有改变。请稍后再试，如果再次发生，请告诉发布这些数据的人。
sync-failed-too-large = 更新被拒绝：收到的一个文件超过了允许的大小。本设备上的数据没有改变。
sync-failed-malformed = 更新被拒绝：收到的文件格式不对。本设备上的数据没有改变。
sync-failed-records = 更新被拒绝：收到的数据中，有些服务的信息有错误。本设备上的数据没有改变。
sync-failed-storage = 更新失败：无法在本设备上保存数据。
share-title = 传递服务目录
share-what = 把本设备上的服务目录连同发布者的签名保存为一个文件，无需网络即可更新另一台设备（U盘、蓝牙）。加载文件的设备会检查签名：被修改的文件会被拒绝。
share-export = 保存为文件
share-import = 从文件加载
share-saved-to = 已保存到 { $path }
share-downloaded = 已下载为 { $file }
share-handed-on = 文件已分享。
share-failed = 无法保存文件：{ $error }
share-loaded = 已从文件更新数据：{ $feed }，版本 { $version }。
share-up-to-date = 本设备已有这些数据。
share-older = 文件中的数据比本设备上的旧。本设备上的数据没有改变。
share-bad-file = 这不是完整的 Bussola 目录文件：可能不完整或已损坏。本设备上的数据没有改变。
sync-details = 技术详情
sync-update-now = 立即更新
sync-in-progress = 正在更新…

## About

about-title = 关于
about-what = Bussola 汇集了为外国人提供的服务：居留许可、医疗、工作、意大利语课程、法律帮助。没有网络也能使用。
about-privacy-title = 隐私
about-privacy = 您的搜索记录和位置只保存在这部手机或电脑上。Bussola 没有广告，也不收集统计数据。
about-data-title = 数据说明
about-data = 每项服务的详情都会说明信息的来源和核实时间。很多位置只是市镇的中心。如果可以，去之前请先打电话。
about-attribution-title = 地图和市镇
about-version = 版本 { $version }
about-licence = 自由软件，采用 EUPL-1.2 许可证。

## Errors

error-generic = 出了点问题：{ $detail }

## Added after the first translation

favourites-empty = 您还没有收藏。打开一项服务，点一下星星，就可以保存到这里。

## 您的数据：怎样删除，以及文件损坏时会怎样
clear-title = 您的数据
clear-explain = 收藏、备注、更正和设置（语言、地点、筛选条件）只保存在本设备上。Bussola 不保存搜索记录。
clear-button = 删除我的数据
clear-question = 要从本设备上删除收藏、备注和设置吗？服务列表会保留。
clear-confirm = 是，删除
clear-cancel = 取消
clear-done = 您的数据已从本设备上删除。
notice-close = 关闭
storage-memory-unsupported = 此浏览器不允许 Bussola 在设备上保存数据：仅在本次访问中可用，关闭后您的收藏和设置都会丢失。
storage-memory-in-use = Bussola 已在另一个标签页或窗口中打开。这里仅在本次访问中可用，且没有您的收藏：请关闭此标签页，使用另一个。
app-update-ready = Bussola 的新版本已准备好：下次启动时将会打开。
app-update-start = 立即更新
recovered-title = 本设备上的数据损坏了。
recovered-body = Bussola 已把损坏的文件放到一边，重新使用应用自带的服务列表。下次联网时，列表会自动更新。
recovered-kept = 您的收藏和设置已经恢复。
recovered-lost = 无法读取您的收藏和设置。
recovered-where = 损坏的文件保存在 { $path }。
## Listen: a service read aloud. The speak-* messages are heard, not read: no abbreviations,
## symbols or brackets. Times arrive as { $hour } (0–23) and { $minute } (0–59) numbers and are
## said as people say them; days come from weekday-on-N.
action-listen = 听一听
action-stop-listening = 停止语音
speech-no-voice = 这台设备没有这种语言的语音。
read-aloud = 大声朗读
read-aloud-on = 大声朗读已开启：点一下按钮，就能听到它的名称。
speech-title = 语音
speech-pace-label = 语速
speech-pace-slow = 慢速，适合初学者
speech-pace-normal = 正常
speak-time = { $minute ->
    [0] { $hour ->
        [2] 两点
       *[other] { $hour }点
    }
   *[other] { $hour ->
        [2] 两点{ $minute }分
       *[other] { $hour }点{ $minute }分
    }
}
speak-open-now = 现在开门。
speak-closes-today = 今天{ $time }关门。
speak-closes-on = { $day }{ $time }关门。
speak-closed-now = 现在关门了。
speak-opens-today = 今天{ $time }开门。
speak-opens-on = { $day }{ $time }开门。
speak-hours-unknown = 开放时间不详，去之前请先打电话。
speak-hours-uncertain = 开放时间不确定，去之前请先打电话。
speak-closed-for-now = 目前关闭，去之前请先打电话。
speak-withdrawn = 此服务已不再提供。
speak-address = 地址：
speak-phone = 电话号码：{ $digits }。
speak-access = 如何获得服务：

## How old the data is, and whose words a translation is
data-checked-years-ago = { $years ->
    [1] 一年多以前核实过：去之前请先打电话。
   *[other] { $years } 年前核实过：去之前请先打电话。
}
data-never-checked = 不知道这条信息是什么时候核实的：去之前请先打电话。
translated-from-italian = 从意大利语翻译
about-stale = { $stale ->
    [0] 全部 { $total } 项服务都在最近一年内核实过。
   *[other] { $total } 项服务中，有 { $stale } 项是一年多以前核实的，或者不知道是什么时候核实的：去之前请先打电话。
}

## The referral sheet: several services for one person, to print or to send as an image

nav-sheet = 清单
sheet-add = 加入清单
sheet-remove-from = 从清单移除
sheet-full = 清单最多可放 { $max } 项服务。
sheet-title = 服务清单
sheet-empty = 清单是空的。打开一项服务，选择“加入清单”。
sheet-up = 上移
sheet-down = 下移
sheet-remove = 移除
sheet-clear = 清空清单
sheet-print = 打印
sheet-save = 保存为图片
sheet-saved = 图片已保存到 { $path }
sheet-downloaded = 图片已下载。
sheet-shared = 图片已发送。
sheet-save-failed = 无法保存图片：{ $reason }
sheet-missing = 清单中的一项服务已不在目录中。
sheet-heading = 为您提供的服务
sheet-languages = 使用的语言
sheet-access = 如何获得服务
sheet-documents = 需要携带的材料

## Corrections: "something is wrong" on a service, kept on the device until sent

correction-title = 信息有误
correction-what = 哪里有误？
correction-field-closed_for_good = 已永久关闭
correction-field-moved = 已搬迁
correction-field-hours = 开放时间有误
correction-field-phone = 电话有误
correction-field-email = 电子邮件有误
correction-field-website = 网站有误
correction-field-other = 其他
correction-value = 正确的信息
correction-note = 备注（可选）
correction-private = 只保存在本设备上。在您选择发送之前，不会发送任何内容。
correction-save = 保存更正
correction-saved = 已保存到“我的更正”。
correction-failed = 更正未保存：{ $reason }
corrections-title = 我的更正
correction-old = 原数据为
correction-about = 数据版本 { $version } · { $date }
correction-send = 通过电子邮件发送
correction-file = 保存为文件
correction-remove = 删除
correction-no-contact = 本目录没有提供报告用的电子邮件：请自己填写收件地址，或将更正保存为文件并转交。
