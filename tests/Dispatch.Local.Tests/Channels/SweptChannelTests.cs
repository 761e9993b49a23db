using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Channels;

/// <summary>What the reminder sweep puts in the inbox reaches the chosen channels too, with the fake clock and a local
/// SMTP server (maildev): a reminder quiet hours held back is emailed at 08:00 and not before, the quarter's quota nudge
/// once, and the organizers' morning digest once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SweptChannelTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<MailDevFixture>
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    /// <summary>The subject of a reminder's email (the quota nudge's is 【社区志愿服务】年度服务提醒).</summary>
    private const string Reminder = "】服务提醒";

    private static DateTimeOffset Monday(int hour) => new(2026, 11, 23, hour, 0, 0, Cst);

    private static DateTimeOffset Tuesday(int hour, int minute = 0) => new(2026, 11, 24, hour, minute, 0, Cst);

    private static Task AdvanceToAsync(LocalHostFixture host, DateTimeOffset at) => host.AdvanceAsync(at - host.Clock.GetUtcNow());

    [Fact]
    public async Task A_reminder_held_back_by_quiet_hours_is_emailed_at_08_00_not_before_and_the_quota_nudge_once()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: mail.Settings);
        const string memberId = "m006";
        var address = $"{memberId}.{host.Prefix}@example.org";
        await host.CallAsync<ChannelSettingsView>(HttpMethod.Put, ChannelRoutes.MemberChannels, host.MemberToken(memberId), new ChannelSettingsRequest(address, false));

        // Service at 08:30: "in one hour" is due at 07:30, inside quiet hours.
        await ChannelErasureTests.AcceptedByAsync(host, memberId, Tuesday(8, 30));
        await host.RunLoopsAsync();
        Assert.Single(await MailsAsync(address, "年度服务提醒"));

        // The evening before at 20:00: a reminder by email at once.
        await AdvanceToAsync(host, Monday(20));
        Assert.Single(await MailsAsync(address, Reminder));
        await AdvanceToAsync(host, Tuesday(7, 30));
        await AdvanceToAsync(host, Tuesday(7, 59));
        Assert.Single(await MailsAsync(address, Reminder));
        await AdvanceToAsync(host, Tuesday(8));
        var inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(memberId));
        Assert.True(2 == (await MailsAsync(address, Reminder)).Count, string.Join(", ", inbox.Notices.Select(n => $"{n.Notice} {n.At}")));

        // Later sweeps send nothing again.
        await host.AdvanceAsync(TimeSpan.FromMinutes(5));
        await host.AdvanceAsync(TimeSpan.FromDays(1));
        inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(memberId));
        Assert.True(2 == (await MailsAsync(address, Reminder)).Count, string.Join(", ", inbox.Notices.Select(n => $"{n.Notice} {n.At}")));
        Assert.Single(await MailsAsync(address, "年度服务提醒"));
    }

    [Fact]
    public async Task Organizers_get_the_morning_digest_by_email_at_08_00_once()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: mail.Settings);
        var address = $"org-wang.{host.Prefix}@example.org";
        await host.CallAsync<ChannelSettingsView>(HttpMethod.Put, ChannelRoutes.OrganizerChannels, host.OrganizerToken(), new ChannelSettingsRequest(address, false));
        await host.RunLoopsAsync();
        var placed = await host.PlaceEscalatedAsync();

        Assert.Equal(OrderStatus.Escalated, (await host.OpenOrderAsync(placed.OrderId)).Status);
        await AdvanceToAsync(host, Tuesday(7, 59));
        Assert.Single(await MailsAsync(address, "订单无人接单"));
        Assert.Empty(await MailsAsync(address, "今日待处理订单"));
        await AdvanceToAsync(host, Tuesday(8));
        Assert.Single(await MailsAsync(address, "今日待处理订单"));
        await host.AdvanceAsync(TimeSpan.FromHours(3));
        Assert.Single(await MailsAsync(address, "今日待处理订单"));
    }

    private async Task<IReadOnlyList<MailDevFixture.ReceivedMail>> MailsAsync(string address, string subject) =>
        [.. (await mail.ToAsync(address)).Where(m => m.Subject.Contains(subject, StringComparison.Ordinal))];
}
