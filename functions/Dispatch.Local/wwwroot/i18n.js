// Chinese first, English one click away. The choice is kept in localStorage; ?lang=en|zh in the URL wins.
const STORE_KEY = 'dispatch.lang';

const zh = {
  'app.name': '党员志愿服务',
  'lang.toggle': 'English',
  'lang.toggleLabel': 'Switch to English',
  'common.loading': '正在加载…',
  'common.refresh': '刷新',
  'common.retry': '重试',
  'common.sending': '正在提交…',
  'common.optional': '（选填）',
  'common.required': '（必填）',
  'common.urgent': '加急',
  'common.wantedAt': '希望时间',
  'common.placedAt': '提交时间',
  'common.location': '位置',
  'common.description': '需求说明',
  'common.none': '无',
  'common.hours': '{h} 小时',
  'common.orderNo': '订单号',
  'common.back': '返回',
  'common.close': '关闭',
  'common.noToken': '这个链接不完整，缺少访问凭证。请使用短信或通知中的完整链接打开。',

  // Order form (index.html)
  'form.title': '我要点单',
  'form.intro': '告诉我们您需要什么帮助，社区会安排附近的党员志愿者为您服务。',
  'form.kind': '类型',
  'form.kind.Service': '服务订单',
  'form.kind.Service.hint': '需要上门或办事帮忙：助老、维修、跑腿等',
  'form.kind.Wish': '微心愿',
  'form.kind.Wish.hint': '一个小小的心愿，放到心愿墙，由党员认领',
  'form.category': '服务类别',
  'form.category.choose': '请选择类别',
  'form.community': '社区',
  'form.grid': '网格',
  'form.building': '楼栋',
  'form.choose': '请选择',
  'form.chooseCommunityFirst': '请先选择社区',
  'form.chooseGridFirst': '请先选择网格',
  'form.household': '门牌 / 房号',
  'form.household.hint': '例如 3 单元 502',
  'form.urgent': '加急（今天就需要帮忙）',
  'form.wantedAt': '希望什么时候服务',
  'form.wantedAt.hint': '不填表示尽快',
  'form.name': '您的称呼',
  'form.phone': '联系电话',
  'form.phone.hint': '手机号 11 位，或带区号的座机',
  'form.address': '详细地址',
  'form.contact.hint': '称呼、电话和地址只给接单的党员看。',
  'form.description': '需求说明',
  'form.description.hint': '接单前，被派单的党员能看到这段说明。请不要写身份证号、存款等隐私信息。',
  'form.counter': '{n}/{max}',
  'form.submit': '提交',
  'form.sending': '正在提交…',
  'form.loadFailed': '社区列表加载失败。',
  'form.fixErrors': '请检查标红的项目。',
  'form.done': '已提交，正在打开进度页面…',

  // Client-side and translated server field messages
  'err.required': '必填。',
  'err.phone': '请填写 11 位手机号，或带区号的座机号。',
  'err.maxLength': '最多 {n} 个字。',
  'err.wantedAt': '请选择从现在起 90 天内的时间。',
  'err.choose': '请选择一项。',
  'err.hours': '时长应在 0.5 到 12 小时之间，每 0.5 小时一档。',
  'err.rating': '评分应为 1 到 5 星。',
  'err.network': '网络连接失败，请检查网络后重试。',
  'err.server': '服务器出错了（{status}），请稍后再试。',
  'err.token': '链接无效或已过期。请使用最新收到的链接。',
  'err.forbidden': '这个链接不能进行这项操作。',
  'err.notFound': '没有找到这个订单。',
  'err.validation': '请检查填写的内容。',
  'err.conflict': '订单状态已变化，请刷新后再试。',

  // Problem types (the part after /problems/)
  'problem.already-taken': '已被认领：其他党员已经接下了这个订单。',
  'problem.already-accepted': '您已经接下这个订单了。',
  'problem.closed': '订单已结束（已确认或已取消）。',
  'problem.not-offered': '这个订单现在没有派给您。',
  'problem.not-your-offer': '这个派单不是给您的。',
  'problem.offer-expired': '答复时间已过，订单已另行安排。',
  'problem.not-assignee': '您不是这个订单的接单人。',
  'problem.not-a-wish': '只有微心愿可以认领。',
  'problem.not-done-yet': '服务还没有完成，暂时不能确认。',
  'problem.already-done': '已经报告过完成了。',
  'problem.too-late-to-cancel': '服务已完成，不能再取消。',
  'problem.rating-out-of-range': '评分应为 1 到 5 星。',
  'problem.member-excluded': '这位党员不能再接这个订单。',
  'problem.not-dispatching': '这个订单现在不能派单。',
  'problem.not-found': '没有找到。',

  // Statuses: short (lists) and long (tracking page)
  'status.Placed': '正在派单',
  'status.Open': '待认领',
  'status.Offered': '已派单，待接单',
  'status.Accepted': '已接单',
  'status.Done': '服务完成，待确认',
  'status.Confirmed': '已确认',
  'status.Escalated': '待人工派单',
  'status.Cancelled': '已取消',
  'statusLong.Placed': '我们已收到您的订单，正在为您寻找党员志愿者。',
  'statusLong.Open': '您的微心愿已放到心愿墙，等待党员认领。',
  'statusLong.Offered': '已派给一位党员，正在等待他（她）接单。',
  'statusLong.Accepted': '党员已接单，会尽快和您联系。',
  'statusLong.Done': '党员报告服务已完成。请确认并评价；如果还没完成，请告诉我们。',
  'statusLong.Confirmed': '服务已确认完成，感谢您的评价。',
  'statusLong.Escalated': '暂时没有党员接单，社区工作人员正在为您安排。',
  'statusLong.Cancelled': '订单已取消。',

  'kind.Service': '服务订单',
  'kind.Wish': '微心愿',

  'category.ElderCare': '助老服务',
  'category.Repair': '小修小补',
  'category.Errand': '跑腿代办',
  'category.Tutoring': '课业辅导',
  'category.Legal': '法律政策咨询',
  'category.Health': '健康检查',
  'category.Visit': '走访探望',
  'category.Other': '其他',

  'what.placed': '提交了订单',
  'what.offered': '已派单给一位党员',
  'what.escalated': '暂无党员接单，已转社区工作人员处理',
  'what.accepted': '党员已接单',
  'what.acceptedBy': '{name} 已接单',
  'what.declined': '党员暂时无法接单，正在另行安排',
  'what.claimed': '党员认领了心愿',
  'what.claimedBy': '{name} 认领了心愿',
  'what.done': '党员报告服务已完成',
  'what.confirmed': '服务已确认',
  'what.reopened': '反馈服务未完成，已重新打开',
  'what.cancelled': '订单已取消',
  'what.expired': '党员未及时答复，正在另行安排',
  'what.reminded': '已提醒党员尽快答复',
  'what.dispatching': '心愿暂未被认领，转为派单',
  'what.confirmReminder': '已提醒确认服务',
  'what.toOrganizers': '已通知社区工作人员',
  'what.updated': '订单有更新',

  'notice.OrderReceived': '新订单已收到',
  'notice.Offer': '您有新的派单',
  'notice.OfferSent': '您有新的派单',
  'notice.NewOffer': '您有新的派单',
  'notice.OfferReminder': '请尽快答复派单',
  'notice.OfferExpired': '派单已过答复时间',
  'notice.OfferWithdrawn': '派单已撤回（已由他人接下或已取消）',
  'notice.OrderAccepted': '订单已接单',
  'notice.ConfirmRequested': '等待居民确认',
  'notice.ConfirmReminder': '已提醒居民确认',
  'notice.ServiceConfirmed': '居民已确认您的服务，已记入服务记录',
  'notice.ServiceReopened': '居民反馈服务未完成，请联系居民',
  'notice.OrderCancelled': '居民已取消订单',
  'notice.Escalated': '订单无人接单，已转社区',

  // Tracking page
  'track.title': '订单进度',
  'track.saveLink': '请收藏本页面，随时查看进度。',
  'track.member': '接单党员',
  'track.call': '拨打 {phone}',
  'track.timeline': '进度记录',
  'track.hoursReported': '服务时长：{h} 小时',
  'track.yourRating': '您的评价：{n} 星',
  'track.cancel': '取消订单',
  'track.cancelAsk': '确定要取消这个订单吗？',
  'track.cancelReason': '取消原因',
  'track.cancelYes': '确定取消',
  'track.cancelNo': '不取消',
  'track.cancelled': '订单已取消。',
  'track.confirmTitle': '服务完成了吗？',
  'track.rating': '给这次服务打分',
  'track.star': '{n} 星',
  'track.confirm': '确认完成',
  'track.confirmed': '已确认，谢谢您！',
  'track.notDone': '还没完成',
  'track.notDoneReason': '哪里还没完成？',
  'track.notDoneSend': '提交反馈',
  'track.notDoneSent': '已反馈，我们会联系党员继续处理。',
  'track.autoRefresh': '页面每 5 秒自动更新。',

  // Member page
  'member.title': '我的派单',
  'member.hello': '{name}，您好',
  'member.tab.tasks': '任务',
  'member.tab.board': '心愿墙',
  'member.tab.records': '记录',
  'member.tab.notices': '通知',
  'member.offers': '待答复的派单',
  'member.noOffers': '目前没有新的派单。',
  'member.assignments': '我接下的服务',
  'member.noAssignments': '目前没有进行中的服务。',
  'member.past': '已结束',
  'member.deadline': '请在 {time} 前答复',
  'member.left': '还剩 {m} 分 {s} 秒',
  'member.leftHours': '还剩 {h} 小时 {m} 分',
  'member.expired': '答复时间已到',
  'member.why': '为什么派给您',
  'member.accept': '接单',
  'member.decline': '不能接',
  'member.declineReason': '原因（选填）',
  'member.declineSend': '确定不接',
  'member.declineCancel': '再想想',
  'member.accepted': '已接单。请尽快联系居民。',
  'member.declined': '已回复，订单会另行安排。',
  'member.resident': '居民联系方式',
  'member.residentName': '称呼',
  'member.residentPhone': '电话',
  'member.residentAddress': '地址',
  'member.reportHours': '报告服务时长',
  'member.hoursLabel': '服务了多长时间',
  'member.hoursSend': '报告完成',
  'member.hoursSent': '已报告，等待居民确认。',
  'member.waitingConfirm': '已报告 {h} 小时，等待确认。',
  'member.board': '心愿墙：可认领的微心愿',
  'member.boardEmpty': '心愿墙上暂时没有待认领的心愿。',
  'member.claim': '认领',
  'member.claimed': '认领成功！请到“任务”里查看居民联系方式。',
  'member.taken': '已被认领',
  'member.records': '我的服务记录',
  'member.year': '{year} 年',
  'member.yearHours': '服务时长',
  'member.yearServices': '服务次数',
  'member.yearWishes': '认领心愿',
  'member.wishQuota': '年度要求至少认领 2 个微心愿：已完成 {n}/2',
  'member.noRecords': '还没有服务记录。',
  'member.rec.date': '日期',
  'member.rec.category': '类别',
  'member.rec.hours': '时长',
  'member.rec.confirmedBy': '确认人',
  'member.rec.rating': '评价',
  'member.rec.wish': '微心愿',
  'member.rec.service': '服务',
  'member.confirmedBy.resident': '居民',
  'member.confirmedBy.organizer': '社区',
  'member.notices': '通知',
  'member.noNotices': '暂无通知。',
  'member.notFoundHere': '您打开的订单 {id} 不在当前列表中，状态：{status}。',

  // Organizer page
  'org.title': '社区派单台',
  'org.filter': '筛选',
  'org.filter.all': '全部进行中',
  'org.filter.escalated': '待人工派单',
  'org.filter.awaiting': '待确认',
  'org.empty': '没有符合条件的订单。',
  'org.count': '共 {n} 单',
  'org.col.order': '订单',
  'org.col.status': '状态',
  'org.col.where': '位置',
  'org.col.who': '党员',
  'org.col.actions': '操作',
  'org.offeredTo': '已派给 {name}',
  'org.assignedTo': '接单：{name}',
  'org.deadline': '答复截止 {time}',
  'org.dispatchTo': '派单给…',
  'org.chooseMember': '选择党员',
  'org.dispatch': '派单',
  'org.dispatched': '已派单。',
  'org.confirm': '代居民确认',
  'org.confirmed': '已确认。',
  'org.memberOption': '{name}（{place}）· {skills} · 今年 {hours} 小时 · 进行中 {open}',
  'org.inactive': '（暂停）',
  'org.escalation': '原因：{text}',
  'org.members': '{n} 位党员',
  'escalation.NoCandidate': '没有合适的党员可派',
  'escalation.TooManyAttempts': '多次派单无人接',
  'escalation.ConfirmationOverdue': '居民长时间未确认',
  'org.unknownMember': '党员 {id}',
};

const en = {
  'app.name': 'Volunteer Service',
  'lang.toggle': '中文',
  'lang.toggleLabel': '切换到中文',
  'common.loading': 'Loading…',
  'common.refresh': 'Refresh',
  'common.retry': 'Try again',
  'common.sending': 'Sending…',
  'common.optional': '(optional)',
  'common.required': '(required)',
  'common.urgent': 'Urgent',
  'common.wantedAt': 'Wanted',
  'common.placedAt': 'Placed',
  'common.location': 'Where',
  'common.description': 'Details',
  'common.none': 'None',
  'common.hours': '{h} h',
  'common.orderNo': 'Order',
  'common.back': 'Back',
  'common.close': 'Close',
  'common.noToken': 'This link is incomplete (no access key). Please open the full link from your message.',

  'form.title': 'Ask for help',
  'form.intro': 'Tell us what you need; the community will send a volunteer party member who lives nearby.',
  'form.kind': 'Type',
  'form.kind.Service': 'Service order',
  'form.kind.Service.hint': 'Help at home or with errands: elder care, repairs, errands…',
  'form.kind.Wish': 'Micro-wish',
  'form.kind.Wish.hint': 'A small wish, put on the wish board for a member to claim',
  'form.category': 'Category',
  'form.category.choose': 'Choose a category',
  'form.community': 'Community',
  'form.grid': 'Grid',
  'form.building': 'Building',
  'form.choose': 'Choose',
  'form.chooseCommunityFirst': 'Choose a community first',
  'form.chooseGridFirst': 'Choose a grid first',
  'form.household': 'Flat / room',
  'form.household.hint': 'e.g. Unit 3, Room 502',
  'form.urgent': 'Urgent (help needed today)',
  'form.wantedAt': 'When would you like it',
  'form.wantedAt.hint': 'Leave empty for as soon as possible',
  'form.name': 'Your name',
  'form.phone': 'Phone',
  'form.phone.hint': '11-digit mobile, or landline with area code',
  'form.address': 'Address',
  'form.contact.hint': 'Your name, phone and address are shown only to the member who accepts.',
  'form.description': 'What do you need?',
  'form.description.hint': 'The member offered this order reads this before accepting. Please leave out private details (ID numbers, money…).',
  'form.counter': '{n}/{max}',
  'form.submit': 'Submit',
  'form.sending': 'Sending…',
  'form.loadFailed': 'Could not load the list of communities.',
  'form.fixErrors': 'Please check the fields marked in red.',
  'form.done': 'Sent. Opening the tracking page…',

  'err.required': 'Required.',
  'err.phone': 'Enter an 11-digit mobile number or a landline with area code.',
  'err.maxLength': 'At most {n} characters.',
  'err.wantedAt': 'Choose a time from now to 90 days ahead.',
  'err.choose': 'Choose one.',
  'err.hours': 'Hours must be 0.5 to 12, in steps of 0.5.',
  'err.rating': 'Rating must be 1 to 5 stars.',
  'err.network': 'Could not reach the server. Check the connection and try again.',
  'err.server': 'Server error ({status}). Please try again later.',
  'err.token': 'This link is not valid or has expired. Please use the latest link you received.',
  'err.forbidden': 'This link cannot do that.',
  'err.notFound': 'Order not found.',
  'err.validation': 'Please check what you entered.',
  'err.conflict': 'The order has changed. Refresh and try again.',

  'problem.already-taken': 'Already taken: another member took this order first.',
  'problem.already-accepted': 'You have already taken this order.',
  'problem.closed': 'This order is closed (confirmed or cancelled).',
  'problem.not-offered': 'This order is not offered to you now.',
  'problem.not-your-offer': 'This offer is not yours.',
  'problem.offer-expired': 'The time to reply has passed; the order went elsewhere.',
  'problem.not-assignee': 'You are not the member serving this order.',
  'problem.not-a-wish': 'Only micro-wishes can be claimed.',
  'problem.not-done-yet': 'The service is not done yet, so it cannot be confirmed.',
  'problem.already-done': 'Hours were already reported.',
  'problem.too-late-to-cancel': 'The service is done; it can no longer be cancelled.',
  'problem.rating-out-of-range': 'Rating must be 1 to 5 stars.',
  'problem.member-excluded': 'This member cannot take this order again.',
  'problem.not-dispatching': 'This order cannot be dispatched now.',
  'problem.not-found': 'Not found.',

  'status.Placed': 'Finding a volunteer',
  'status.Open': 'On the wish board',
  'status.Offered': 'Offered, awaiting reply',
  'status.Accepted': 'Accepted',
  'status.Done': 'Done, to confirm',
  'status.Confirmed': 'Confirmed',
  'status.Escalated': 'Needs hand dispatch',
  'status.Cancelled': 'Cancelled',
  'statusLong.Placed': 'We have your order and are finding a volunteer.',
  'statusLong.Open': 'Your micro-wish is on the wish board, waiting for a member to claim it.',
  'statusLong.Offered': 'Offered to a member; waiting for them to accept.',
  'statusLong.Accepted': 'A member has accepted and will contact you soon.',
  'statusLong.Done': 'The member reports the service is done. Please confirm and rate it, or tell us it is not done.',
  'statusLong.Confirmed': 'The service is confirmed. Thank you for your rating.',
  'statusLong.Escalated': 'No member could take it yet; community staff are arranging help.',
  'statusLong.Cancelled': 'This order was cancelled.',

  'kind.Service': 'Service order',
  'kind.Wish': 'Micro-wish',

  'category.ElderCare': 'Elder care',
  'category.Repair': 'Small repairs',
  'category.Errand': 'Errands',
  'category.Tutoring': 'Tutoring',
  'category.Legal': 'Legal & policy advice',
  'category.Health': 'Health check',
  'category.Visit': 'Visit',
  'category.Other': 'Other',

  'what.placed': 'Order placed',
  'what.offered': 'Offered to a member',
  'what.escalated': 'Nobody accepted; passed to community staff',
  'what.accepted': 'A member accepted',
  'what.acceptedBy': '{name} accepted',
  'what.declined': 'The member could not take it; finding another',
  'what.claimed': 'A member claimed the wish',
  'what.claimedBy': '{name} claimed the wish',
  'what.done': 'The member reported the service done',
  'what.confirmed': 'Service confirmed',
  'what.reopened': 'Reported as not done; reopened',
  'what.cancelled': 'Order cancelled',
  'what.expired': 'No reply in time; finding another member',
  'what.reminded': 'The member was reminded to reply',
  'what.dispatching': 'Not claimed from the board; dispatching',
  'what.confirmReminder': 'Reminder to confirm sent',
  'what.toOrganizers': 'Community staff notified',
  'what.updated': 'Order updated',

  'notice.OrderReceived': 'New order received',
  'notice.Offer': 'You have a new offer',
  'notice.OfferSent': 'You have a new offer',
  'notice.NewOffer': 'You have a new offer',
  'notice.OfferReminder': 'Please reply to your offer soon',
  'notice.OfferExpired': 'The offer expired',
  'notice.OfferWithdrawn': 'The offer was withdrawn (taken by someone else or cancelled)',
  'notice.OrderAccepted': 'Order accepted',
  'notice.ConfirmRequested': 'Waiting for the resident to confirm',
  'notice.ConfirmReminder': 'The resident was reminded to confirm',
  'notice.ServiceConfirmed': 'The resident confirmed your service; it is in your records',
  'notice.ServiceReopened': 'The resident says the service is not done; please contact them',
  'notice.OrderCancelled': 'The resident cancelled the order',
  'notice.Escalated': 'Nobody accepted; passed to community staff',

  'track.title': 'Order progress',
  'track.saveLink': 'Bookmark this page to check progress any time.',
  'track.member': 'Your volunteer',
  'track.call': 'Call {phone}',
  'track.timeline': 'History',
  'track.hoursReported': 'Service time: {h} h',
  'track.yourRating': 'Your rating: {n} stars',
  'track.cancel': 'Cancel order',
  'track.cancelAsk': 'Cancel this order?',
  'track.cancelReason': 'Reason',
  'track.cancelYes': 'Yes, cancel',
  'track.cancelNo': 'Keep it',
  'track.cancelled': 'The order is cancelled.',
  'track.confirmTitle': 'Is the service done?',
  'track.rating': 'Rate this service',
  'track.star': '{n} stars',
  'track.confirm': 'Confirm done',
  'track.confirmed': 'Confirmed. Thank you!',
  'track.notDone': 'Not done',
  'track.notDoneReason': 'What is not done yet?',
  'track.notDoneSend': 'Send',
  'track.notDoneSent': 'Sent. We will ask the member to follow up.',
  'track.autoRefresh': 'This page updates every 5 seconds.',

  'member.title': 'My offers',
  'member.hello': 'Hello, {name}',
  'member.tab.tasks': 'Tasks',
  'member.tab.board': 'Wishes',
  'member.tab.records': 'Records',
  'member.tab.notices': 'Notices',
  'member.offers': 'Offers waiting for your reply',
  'member.noOffers': 'No new offers.',
  'member.assignments': 'Services you took',
  'member.noAssignments': 'Nothing in progress.',
  'member.past': 'Finished',
  'member.deadline': 'Reply by {time}',
  'member.left': '{m} min {s} s left',
  'member.leftHours': '{h} h {m} min left',
  'member.expired': 'Time to reply is up',
  'member.why': 'Why you',
  'member.accept': 'Accept',
  'member.decline': 'Decline',
  'member.declineReason': 'Reason (optional)',
  'member.declineSend': 'Decline',
  'member.declineCancel': 'Back',
  'member.accepted': 'Accepted. Please contact the resident soon.',
  'member.declined': 'Thanks; the order will go to someone else.',
  'member.resident': 'Resident contact',
  'member.residentName': 'Name',
  'member.residentPhone': 'Phone',
  'member.residentAddress': 'Address',
  'member.reportHours': 'Report hours',
  'member.hoursLabel': 'How long did you serve',
  'member.hoursSend': 'Report done',
  'member.hoursSent': 'Reported; waiting for the resident to confirm.',
  'member.waitingConfirm': '{h} h reported; waiting for confirmation.',
  'member.board': 'Wish board: micro-wishes to claim',
  'member.boardEmpty': 'No wishes to claim right now.',
  'member.claim': 'Claim',
  'member.claimed': 'Claimed! See Tasks for the resident\'s contact.',
  'member.taken': 'Already taken',
  'member.records': 'My service records',
  'member.year': '{year}',
  'member.yearHours': 'Hours',
  'member.yearServices': 'Services',
  'member.yearWishes': 'Wishes',
  'member.wishQuota': 'Yearly goal: claim at least 2 micro-wishes — {n}/2 done',
  'member.noRecords': 'No service records yet.',
  'member.rec.date': 'Date',
  'member.rec.category': 'Category',
  'member.rec.hours': 'Hours',
  'member.rec.confirmedBy': 'Confirmed by',
  'member.rec.rating': 'Rating',
  'member.rec.wish': 'Wish',
  'member.rec.service': 'Service',
  'member.confirmedBy.resident': 'Resident',
  'member.confirmedBy.organizer': 'Community',
  'member.notices': 'Notices',
  'member.noNotices': 'No notices.',
  'member.notFoundHere': 'Order {id} is not in your lists now; status: {status}.',

  'org.title': 'Community dispatch desk',
  'org.filter': 'Show',
  'org.filter.all': 'All open',
  'org.filter.escalated': 'Escalated',
  'org.filter.awaiting': 'Awaiting confirmation',
  'org.empty': 'No orders match.',
  'org.count': '{n} orders',
  'org.col.order': 'Order',
  'org.col.status': 'Status',
  'org.col.where': 'Where',
  'org.col.who': 'Member',
  'org.col.actions': 'Actions',
  'org.offeredTo': 'Offered to {name}',
  'org.assignedTo': 'Taken by {name}',
  'org.deadline': 'Reply by {time}',
  'org.dispatchTo': 'Dispatch to…',
  'org.chooseMember': 'Choose a member',
  'org.dispatch': 'Dispatch',
  'org.dispatched': 'Dispatched.',
  'org.confirm': 'Confirm for resident',
  'org.confirmed': 'Confirmed.',
  'org.memberOption': '{name} ({place}) · {skills} · {hours} h this year · {open} open',
  'org.inactive': ' (inactive)',
  'org.escalation': 'Why: {text}',
  'org.members': '{n} members',
  'escalation.NoCandidate': 'No suitable member to offer',
  'escalation.TooManyAttempts': 'Offered several times, nobody accepted',
  'escalation.ConfirmationOverdue': 'Resident has not confirmed for a long time',
  'org.unknownMember': 'Member {id}',
};

const dictionaries = { zh, en };
const listeners = [];

function fromUrl() {
  const v = new URLSearchParams(location.search).get('lang');
  return v === 'en' || v === 'zh' ? v : null;
}

function stored() {
  try {
    const v = localStorage.getItem(STORE_KEY);
    return v === 'en' || v === 'zh' ? v : null;
  } catch {
    return null;
  }
}

let current = fromUrl() || stored() || 'zh';
if (fromUrl()) save(current);

function save(value) {
  try { localStorage.setItem(STORE_KEY, value); } catch { /* private mode: keep in memory */ }
}

export function lang() { return current; }

export function locale() { return current === 'zh' ? 'zh-CN' : 'en-GB'; }

/** Whether the dictionary has the key (in the current language). */
export function has(key) { return Object.prototype.hasOwnProperty.call(dictionaries[current], key); }

/** Translate a key, filling {placeholders}. Unknown keys fall back to Chinese, then to the key itself. */
export function t(key, vars) {
  let text = dictionaries[current][key] ?? zh[key] ?? key;
  if (vars) {
    text = text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  }
  return text;
}

/** Translate a server value by prefix (e.g. status.Offered); unknown values are shown as the server sent them. */
export function tv(prefix, value) {
  if (value == null) return '';
  const key = `${prefix}.${value}`;
  if (has(key) || Object.prototype.hasOwnProperty.call(zh, key)) return t(key);
  // Case-insensitive fallback (e.g. "offerReminder" vs "OfferReminder").
  const lower = key.toLowerCase();
  const found = Object.keys(zh).find((k) => k.toLowerCase() === lower);
  return found ? t(found) : String(value);
}

export function setLang(value) {
  if (value !== 'zh' && value !== 'en') return;
  current = value;
  save(value);
  const url = new URL(location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', value);
    history.replaceState(history.state, '', url);
  }
  applyI18n(document);
  for (const fn of listeners) fn(value);
}

export function onLangChange(fn) { listeners.push(fn); }

/**
 * Fill static text: data-i18n="key" sets textContent; data-i18n-attr="placeholder:key;aria-label:key" sets attributes.
 */
export function applyI18n(root) {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.getAttribute('data-i18n'));
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.getAttribute('data-i18n-attr').split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
  const toggle = document.getElementById('lang-toggle');
  if (toggle) {
    toggle.textContent = t('lang.toggle');
    toggle.setAttribute('aria-label', t('lang.toggleLabel'));
    toggle.setAttribute('lang', current === 'zh' ? 'en' : 'zh-CN');
  }
  const titleKey = document.body?.getAttribute('data-title');
  if (titleKey) document.title = `${t(titleKey)} · ${t('app.name')}`;
}

/** Wire the header's language button and translate the page once. */
export function initI18n() {
  const toggle = document.getElementById('lang-toggle');
  if (toggle) {
    toggle.addEventListener('click', () => setLang(current === 'zh' ? 'en' : 'zh'));
  }
  applyI18n(document);
}

export const dictionariesForTests = dictionaries;
