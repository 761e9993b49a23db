using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Local.Tests;

/// <summary>Reminders as members and organizers get them, on the real host with a controlled clock: on time,
/// never at night, never a fourth in a day, never twice — and still there after a restart.</summary>
[Collection(AzuriteCollection.Name)]
public class ReminderTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly string[] ReminderKinds = ["OfferReminder", "ServiceTomorrow", "ServiceSoon", "QuotaNudge", "ConfirmReminder"];

    private static DateTimeOffset Monday(int hour, int minute = 0) => new(2026, 11, 23, hour, minute, 0, Cst);

    private static DateTimeOffset Tuesday(int hour, int minute = 0) => new(2026, 11, 24, hour, minute, 0, Cst);

    /// <summary>Moves the clock to <paramref name="at"/> and runs the background loops once.</summary>
    private static Task AdvanceToAsync(LocalHostFixture host, DateTimeOffset at) => host.AdvanceAsync(at - host.Clock.GetUtcNow());

    /// <summary>An order for <paramref name="wantedAt"/> that <paramref name="memberId"/> accepted (dispatched
    /// by hand if matching offered it to someone else).</summary>
    private static async Task<string> AcceptedByAsync(LocalHostFixture host, string memberId, DateTimeOffset? wantedAt, bool urgent = false)
    {
        var orderId = await OfferedToAsync(host, memberId, wantedAt, urgent);
        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, orderId), host.MemberToken(memberId));
        return orderId;
    }

    private static async Task<string> OfferedToAsync(LocalHostFixture host, string memberId, DateTimeOffset? wantedAt, bool urgent)
    {
        var placed = await host.PlaceAsync(LocalHostFixture.Form(urgent: urgent) with { WantedAt = wantedAt });
        if ((await host.OpenOrderAsync(placed.OrderId)).OfferedTo != memberId)
        {
            await host.CallAsync<ResidentOrderView>(
                HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Dispatch, placed.OrderId), host.OrganizerToken(), new DispatchRequest(memberId));
        }

        return placed.OrderId;
    }

    private static async Task<NoticeView[]> NoticesAsync(LocalHostFixture host, string memberId, string kind) =>
        [.. (await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(memberId))).Notices.Where(n => n.Notice.ToString() == kind)];

    [Fact]
    public async Task A_member_with_an_order_for_tomorrow_hears_at_20_00_and_an_hour_before()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var orderId = await AcceptedByAsync(host, "m003", Tuesday(10));
        await host.RunLoopsAsync();

        await AdvanceToAsync(host, Monday(19, 59));
        Assert.Empty(await NoticesAsync(host, "m003", "ServiceTomorrow"));
        await AdvanceToAsync(host, Monday(20));
        var tomorrow = Assert.Single(await NoticesAsync(host, "m003", "ServiceTomorrow"));
        Assert.Equal((orderId, Monday(20)), (tomorrow.OrderId, tomorrow.At));

        await AdvanceToAsync(host, Tuesday(8, 59));
        Assert.Empty(await NoticesAsync(host, "m003", "ServiceSoon"));
        await AdvanceToAsync(host, Tuesday(9));
        var soon = Assert.Single(await NoticesAsync(host, "m003", "ServiceSoon"));
        Assert.Equal((orderId, Tuesday(9)), (soon.OrderId, soon.At));

        // The sweep ran on every pass over two days: the quarter's quota nudge came once, Monday at 10:00.
        var nudge = Assert.Single(await NoticesAsync(host, "m003", "QuotaNudge"));
        Assert.Equal(("quota-2026-Q4", LocalHostFixture.Monday10), (nudge.OrderId, nudge.At));
    }

    [Fact]
    public async Task A_member_who_no_longer_holds_the_order_is_not_reminded()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var orderId = await AcceptedByAsync(host, "m003", Tuesday(10));
        await host.CallAsync<ResidentOrderView>(
            HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Cancel, orderId), host.ResidentToken(orderId), new ReasonRequest(null));

        await AdvanceToAsync(host, Monday(20));
        await AdvanceToAsync(host, Tuesday(9));
        Assert.Empty(await NoticesAsync(host, "m003", "ServiceTomorrow"));
        Assert.Empty(await NoticesAsync(host, "m003", "ServiceSoon"));
    }

    [Fact]
    public async Task A_reminder_held_back_by_quiet_hours_arrives_at_08_00_even_after_a_restart()
    {
        var clock = new FakeTimeProvider(LocalHostFixture.Monday10);
        var prefix = AzuriteFixture.NewPrefix();
        var logs = new CapturedLogs();
        string orderId;
        await using (var before = await LocalHostFixture.StartAsync(azurite, prefix, clock, logs))
        {
            // Service at 08:30: "in one hour" is due at 07:30, inside quiet hours.
            orderId = await AcceptedByAsync(before, "m006", Tuesday(8, 30));
            await AdvanceToAsync(before, Monday(20));
            Assert.Single(await NoticesAsync(before, "m006", "ServiceTomorrow"));
            await AdvanceToAsync(before, Tuesday(7, 30));
            Assert.Empty(await NoticesAsync(before, "m006", "ServiceSoon"));
        }

        Assert.Contains(logs.Lines, l => l.Contains("ServiceSoon", StringComparison.Ordinal) && l.Contains("deferred until 2026-11-24 00:00:00Z", StringComparison.Ordinal));

        await using var after = await LocalHostFixture.StartAsync(azurite, prefix, clock);
        await AdvanceToAsync(after, Tuesday(7, 59));
        Assert.Empty(await NoticesAsync(after, "m006", "ServiceSoon"));
        await AdvanceToAsync(after, Tuesday(8));
        var soon = Assert.Single(await NoticesAsync(after, "m006", "ServiceSoon"));
        Assert.Equal((orderId, Tuesday(8)), (soon.OrderId, soon.At));

        await after.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Single(await NoticesAsync(after, "m006", "ServiceSoon"));
    }

    [Fact]
    public async Task A_resident_is_reminded_to_confirm_in_the_morning_not_at_night_and_not_after_confirming()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var waiting = await AcceptedByAsync(host, "m003", wantedAt: null);
        var confirms = await AcceptedByAsync(host, "m006", wantedAt: null);
        await AdvanceToAsync(host, Monday(21, 30));
        foreach (var (order, member) in new[] { (waiting, "m003"), (confirms, "m006") })
        {
            await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Hours, order), host.MemberToken(member), new HoursRequest(1m));
        }

        var notices = host.Services.GetRequiredService<NoticeStore>();
        async Task<Notice[]> RemindersOf(string orderId) =>
            [.. (await notices.ListAsync(NoticeRecipient.Resident(orderId), 50)).Where(n => n.Kind == NoticeKind.ConfirmReminder)];

        await AdvanceToAsync(host, Tuesday(21, 30)); // 24 h later, in quiet hours: held back
        Assert.Empty(await RemindersOf(waiting));
        await AssertReminderTablesHoldIdsOnlyAsync(host);

        await AdvanceToAsync(host, Tuesday(23));
        await host.CallAsync<ResidentOrderView>(
            HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Confirm, confirms), host.ResidentToken(confirms), new ConfirmRequest(5));

        await AdvanceToAsync(host, Tuesday(8).AddDays(1));
        Assert.Equal(Tuesday(8).AddDays(1), Assert.Single(await RemindersOf(waiting)).At);
        Assert.Empty(await RemindersOf(confirms));
        Assert.Contains(host.Logs.Lines, l => l.Contains($"about {confirms} dropped: Stale", StringComparison.Ordinal));
    }

    private static async Task AssertReminderTablesHoldIdsOnlyAsync(LocalHostFixture host)
    {
        var tables = new Azure.Data.Tables.TableServiceClient(host.Services.GetRequiredService<StorageAccount>().Options.ConnectionString);
        var rows = 0;
        foreach (var table in ReminderTables.All)
        {
            await foreach (var row in tables.GetTableClient(host.Prefix + table).QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                rows++;
                var text = string.Join("|", row.Select(kv => kv.Value));
                Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
                Assert.DoesNotContain("张阿姨", text, StringComparison.Ordinal);
                Assert.DoesNotContain("1号楼", text, StringComparison.Ordinal);
            }
        }

        Assert.True(rows > 0);
    }

    [Fact]
    public async Task The_fourth_reminder_in_a_day_is_not_delivered_but_every_offer_is()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await host.RunLoopsAsync(); // 10:00: the quarter's quota nudge, the member's first reminder today.
        Assert.Single(await NoticesAsync(host, "m009", "QuotaNudge"));

        var orders = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            orders.Add(await OfferedToAsync(host, "m009", wantedAt: null, urgent: true)); // reminder 10 minutes before the 30-minute deadline
        }

        await host.AdvanceAsync(TimeSpan.FromMinutes(21));
        var inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken("m009"));
        Assert.Equal(orders.Order(), inbox.Offers.Select(o => o.OrderId).Order());
        Assert.Equal(2, inbox.Notices.Count(n => n.Notice == NoticeKind.OfferReminder));
        Assert.Equal(3, inbox.Notices.Count(n => ReminderKinds.Contains(n.Notice.ToString())));
        Assert.Contains(host.Logs.Lines, l => l.Contains("dropped: DailyCapReached", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Members_behind_the_quota_are_nudged_once_a_quarter_with_open_wishes_of_their_own_grid()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var home = (await host.Services.GetRequiredService<MemberStore>().GetAsync(LocalHostFixture.CommunityId, "m015"))!.Home;
        var wish = await host.PlaceAsync(LocalHostFixture.Form(kind: "Wish", category: "Visit", urgent: false, grid: home.GridId, building: home.BuildingId));

        // m012 has done this year's quota: two wishes and a volunteer post.
        var records = host.Services.GetRequiredService<ServiceRecordStore>();
        var place = new Core.Members.Location(LocalHostFixture.CommunityId, "g1", "b1");
        foreach (var id in new[] { "w-done-1", "w-done-2" })
        {
            await records.AddAsync(new Core.Hours.ServiceRecord(
                id, id, "m012", place, Core.Members.ServiceCategory.Visit, IsWish: true, 2, new DateOnly(2026, 5, 1),
                LocalHostFixture.Monday10.AddMonths(-6), Core.Hours.ConfirmedBy.Resident, 5));
        }

        await records.AddPostClaimAsync(new Core.Posts.PostClaim("post-1", LocalHostFixture.CommunityId, "m012", 1, 2026, LocalHostFixture.Monday10.AddMonths(-3)));

        await host.RunLoopsAsync();
        await host.RunLoopsAsync();
        await host.AdvanceAsync(TimeSpan.FromDays(1)); // the next day's sweep: still this quarter
        Assert.Empty(await NoticesAsync(host, "m012", "QuotaNudge"));
        Assert.Single(await NoticesAsync(host, "m015", "QuotaNudge"));
        var nudge = (await host.Services.GetRequiredService<NoticeStore>().ListAsync(NoticeRecipient.Member("m015"), 50))
            .Single(n => n.Kind == NoticeKind.QuotaNudge);
        Assert.Equal($"wishes 0/2 posts 0/1 suggest {wish.OrderId}", nudge.Text);

        // A new quarter, a new nudge.
        await AdvanceToAsync(host, new DateTimeOffset(2027, 1, 4, 9, 0, 0, Cst));
        Assert.Equal(["quota-2027-Q1", "quota-2026-Q4"], (await NoticesAsync(host, "m015", "QuotaNudge")).Select(n => n.OrderId));
    }

    [Fact]
    public async Task Organizers_get_one_digest_of_escalated_orders_the_next_morning()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        await host.RunLoopsAsync();
        var placed = await host.PlaceEscalatedAsync();

        Assert.Equal(OrderStatus.Escalated, (await host.OpenOrderAsync(placed.OrderId)).Status);
        var notices = host.Services.GetRequiredService<NoticeStore>();
        async Task<IReadOnlyList<Notice>> DigestsAsync() =>
            [.. (await notices.ListAsync(NoticeRecipient.Organizers(LocalHostFixture.CommunityId), 100)).Where(n => n.Kind == NoticeKind.EscalationDigest)];

        await AdvanceToAsync(host, Tuesday(7, 59));
        Assert.Empty(await DigestsAsync());
        await AdvanceToAsync(host, Tuesday(8));
        var digest = Assert.Single(await DigestsAsync());
        Assert.Equal(("digest-2026-11-24", placed.OrderId, Tuesday(8)), (digest.OrderId, digest.Text, digest.At.ToOffset(Cst)));

        await host.AdvanceAsync(TimeSpan.FromHours(3));
        await host.RunLoopsAsync();
        Assert.Single(await DigestsAsync());
    }
}
