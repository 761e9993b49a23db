using System.Globalization;
using Dispatch.Core.Time;

namespace Dispatch.Core.Notifications;

/// <summary>What a channel sends: a short title, a short body (Chinese first) and, for some kinds, a link. The link is
/// a credential: channels send it, logs and the delivery log never hold it.</summary>
public sealed record ChannelMessage(string Title, string Body, string? Link)
{
    private const string Sign = "【社区志愿服务】";

    /// <summary>The body with the link after it, as an SMS or an email carries it.</summary>
    public string Text => Link is null ? Sign + Body : $"{Sign}{Body} {Link}";

    public static ChannelMessage Offer(DateTimeOffset deadline, string link) =>
        new("新的服务邀请 / New offer",
            string.Create(CultureInfo.InvariantCulture, $"有一个订单请您接单，请在 {ChinaTime.ToChina(deadline):M月d日 HH:mm} 前回复。"),
            link);

    public static ChannelMessage Reminder(string? link) =>
        new("服务提醒 / Reminder", "您有一项社区志愿服务待处理，请查看。", link);

    public static ChannelMessage Escalation() =>
        new("订单无人接单 / Order escalated", "有订单无人接单，请打开组织者页面派单。", null);

    public static ChannelMessage QuotaNudge() =>
        new("年度服务提醒 / Yearly quota", "您今年的微心愿或志愿服务岗位还未完成，请打开收件箱看看身边的微心愿。", null);

    public static ChannelMessage Digest() =>
        new("今日待处理订单 / Orders waiting", "有订单无人接单或等待确认，请打开组织者页面处理。", null);

    public static ChannelMessage Accepted(string memberName) =>
        new("已接单 / Accepted", $"您的订单已由党员志愿者 {memberName} 接单，稍后会与您联系。", null);

    public static ChannelMessage Done(string trackingLink) =>
        new("服务已完成 / Done", "志愿者已完成服务，请点击链接确认并评价：", trackingLink);

    public static ChannelMessage Closed() =>
        new("订单已关闭 / Closed", "您的订单已完成并关闭，感谢您的信任。", null);
}
