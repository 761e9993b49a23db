using System.Globalization;
using Dispatch.Core.Time;

namespace Dispatch.Core.Notifications;

/// <summary>What a channel sends: a short title, a short body and, for some kinds, a link, all in one language (the
/// recipient's <see cref="MessageLanguage"/>, Chinese by default). The link is a credential: channels send it, logs and
/// the delivery log never hold it.</summary>
public sealed record ChannelMessage(string Title, string Body, string? Link, MessageLanguage Language = MessageLanguage.Zh)
{
    private string Sign => Language == MessageLanguage.En ? "[Community volunteers] " : "【社区志愿服务】";

    /// <summary>An email's subject: the sign, then the title.</summary>
    public string Subject => Sign + Title;

    /// <summary>The body with the link after it, as an SMS or an email carries it.</summary>
    public string Text => Link is null ? Sign + Body : $"{Sign}{Body} {Link}";

    public static ChannelMessage Offer(DateTimeOffset deadline, string link, MessageLanguage language = MessageLanguage.Zh)
    {
        var at = ChinaTime.ToChina(deadline);
        return language == MessageLanguage.En
            ? new("New offer", string.Create(CultureInfo.InvariantCulture, $"An order is offered to you. Please answer by {at:d MMM HH:mm} (China time)."), link, language)
            : new("新的服务邀请", string.Create(CultureInfo.InvariantCulture, $"有一个订单请您接单，请在 {at:M月d日 HH:mm} 前回复。"), link, language);
    }

    public static ChannelMessage Reminder(string? link, MessageLanguage language = MessageLanguage.Zh) => language == MessageLanguage.En
        ? new("Reminder", "You have a community volunteer service waiting for you; please have a look.", link, language)
        : new("服务提醒", "您有一项社区志愿服务待处理，请查看。", link, language);

    public static ChannelMessage QuotaNudge(MessageLanguage language = MessageLanguage.Zh) => language == MessageLanguage.En
        ? new("Yearly quota", "This year's micro-wishes or volunteer post are not done yet; open your inbox to see the wishes near you.", null, language)
        : new("年度服务提醒", "您今年的微心愿或志愿服务岗位还未完成，请打开收件箱看看身边的微心愿。", null, language);

    public static ChannelMessage Escalation(MessageLanguage language = MessageLanguage.Zh) => language == MessageLanguage.En
        ? new("Order escalated", "Nobody took an order; please open the organizer page and dispatch it.", null, language)
        : new("订单无人接单", "有订单无人接单，请打开组织者页面派单。", null, language);

    public static ChannelMessage Digest(MessageLanguage language = MessageLanguage.Zh) => language == MessageLanguage.En
        ? new("Orders waiting", "Some orders found nobody or wait for confirmation; please open the organizer page.", null, language)
        : new("今日待处理订单", "有订单无人接单或等待确认，请打开组织者页面处理。", null, language);

    // A resident chooses no language on the form: their texts stay Chinese.
    public static ChannelMessage Accepted(string memberName) =>
        new("已接单", $"您的订单已由党员志愿者 {memberName} 接单，稍后会与您联系。", null);

    public static ChannelMessage Done(string trackingLink) =>
        new("服务已完成", "志愿者已完成服务，请点击链接确认并评价：", trackingLink);

    public static ChannelMessage Closed() =>
        new("订单已关闭", "您的订单已完成并关闭，感谢您的信任。", null);
}
