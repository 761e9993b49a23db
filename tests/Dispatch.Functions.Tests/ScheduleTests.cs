using System.Collections.Immutable;
using Dispatch.Core.Hours;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;
using Dispatch.Functions.Schedules;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Time.Testing;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>The timer triggers as the Functions host calls them (the [Function] methods, with a timer and an
/// invocation), on a controlled clock: the reminder sweep and the annual freeze, each once per slot.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScheduleTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    private static DateTimeOffset Tuesday(int hour, int minute = 0) => new(2026, 11, 24, hour, minute, 0, Cst);

    /// <summary>A fire of "0 */5 * * * *" whose next occurrence is <paramref name="next"/> (UTC, as the host reports it).</summary>
    private static TimerInfo Fire(DateTimeOffset next, bool pastDue = false) =>
        new() { ScheduleStatus = new ScheduleStatus { Next = next.UtcDateTime }, IsPastDue = pastDue };

    /// <summary>A visit reminder for a member, not tied to an order (so its release is not re-checked).</summary>
    private static Reminder Visit(string memberId, string subject, DateTimeOffset wantedAt) =>
        new(Recipient.Member, memberId, NoticeKind.ServiceTomorrow, subject, $"{subject}/visit", wantedAt, ReminderUrgency.Routine);

    private static async Task<List<Notice>> NoticesOf(AzureHost host, string memberId, NoticeKind kind) =>
        [.. (await host.Get<NoticeStore>().ListAsync(NoticeRecipient.Member(memberId), 50)).Where(n => n.Kind == kind)];

    [Fact]
    public async Task ReminderSweep_sends_a_deferral_at_08_00_and_nudges_once_and_a_second_fire_of_the_slot_does_nothing()
    {
        var clock = new FakeTimeProvider(Tuesday(7, 30));
        await using var host = await StartAsync(azurite, SlowPolicy, clock: clock, reminders: ReminderPolicy.Default);
        var schedules = host.Get<ScheduledFunctions>();
        var post = host.Get<ReminderPost>();

        // 07:30 is in quiet hours: the reminder is held back until 08:00.
        var night = await post.OfferAsync(Visit("m1", "visit-1", clock.GetUtcNow()), clock.GetUtcNow());
        Assert.Equal(new DeferUntil(Tuesday(8)), night.Decision);

        // 07:55: nothing due yet, and no nudges in quiet hours.
        clock.SetUtcNow(Tuesday(7, 55));
        await schedules.ReminderSweepAsync(Fire(Tuesday(8)), new TestFunctionContext("inv-0755"), default);
        Assert.Empty(await NoticesOf(host, "m1", NoticeKind.ServiceTomorrow));
        Assert.Empty(await NoticesOf(host, "m1", NoticeKind.QuotaNudge));

        // 08:00 (00:00 UTC): the deferral goes out on time; every member behind the quota is nudged.
        clock.SetUtcNow(Tuesday(8));
        await schedules.ReminderSweepAsync(Fire(Tuesday(8, 5)), new TestFunctionContext("inv-0800"), default);
        var sent = Assert.Single(await NoticesOf(host, "m1", NoticeKind.ServiceTomorrow));
        Assert.Equal(("visit-1", Tuesday(8)), (sent.OrderId, sent.At));
        foreach (var member in new[] { "m1", "m2", "m3" })
        {
            Assert.Equal("quota-2026-Q4", Assert.Single(await NoticesOf(host, member, NoticeKind.QuotaNudge)).OrderId);
        }

        // Another reminder wanted at 08:03 is deferred to then. At 08:04 the 08:00 slot fires again (a duplicate,
        // late): it does nothing, so the reminder waits for the next slot.
        var later = await post.OfferAsync(Visit("m2", "visit-2", Tuesday(8, 3)), clock.GetUtcNow());
        Assert.Equal(new DeferUntil(Tuesday(8, 3)), later.Decision);
        clock.SetUtcNow(Tuesday(8, 4));
        Assert.Null(await schedules.SweepAsync(Fire(Tuesday(8, 5), pastDue: true), "inv-0800-again", default));
        await schedules.ReminderSweepAsync(Fire(Tuesday(8, 5)), new TestFunctionContext("inv-0800-third"), default);
        Assert.Empty(await NoticesOf(host, "m2", NoticeKind.ServiceTomorrow));

        // 08:05: the next slot releases it; the quarter's nudges are not sent again.
        clock.SetUtcNow(Tuesday(8, 5));
        var report = await schedules.SweepAsync(Fire(Tuesday(8, 10)), "inv-0805", default);
        Assert.NotNull(report);
        Assert.Equal("visit-2", Assert.Single(report.Released).Reminder.Subject);
        Assert.Empty(report.Nudges);
        Assert.Equal(Tuesday(8, 5), Assert.Single(await NoticesOf(host, "m2", NoticeKind.ServiceTomorrow)).At);
        foreach (var member in new[] { "m1", "m2", "m3" })
        {
            Assert.Single(await NoticesOf(host, member, NoticeKind.QuotaNudge));
        }
    }

    [Fact]
    public async Task AnnualTally_freezes_the_past_year_once()
    {
        // 00:05 China time on 1 January 2027: the schedule's fire ("0 5 16 31 12 *" UTC).
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 1, 0, 5, 0, Cst));
        await using var host = await StartAsync(azurite, SlowPolicy, clock: clock);
        var records = host.Get<ServiceRecordStore>();
        var place = new Location(CommunityId, "g1", "b1");
        Assert.True(await records.AddAsync(new ServiceRecord(
            "o2026a", "o2026a", "m1", place, ServiceCategory.Repair, IsWish: false, HalfHours: 3, new DateOnly(2026, 6, 1),
            new DateTimeOffset(2026, 6, 1, 12, 0, 0, Cst), ConfirmedBy.Resident, Rating: 5)));
        Assert.True(await records.AddAsync(new ServiceRecord(
            "o2026b", "o2026b", "m2", place, ServiceCategory.Visit, IsWish: true, HalfHours: 2, new DateOnly(2026, 12, 31),
            new DateTimeOffset(2026, 12, 31, 23, 0, 0, Cst), ConfirmedBy.Resident, Rating: null)));

        var schedules = host.Get<ScheduledFunctions>();
        var timer = new TimerInfo { ScheduleStatus = new ScheduleStatus { Next = new DateTime(2027, 12, 31, 16, 5, 0, DateTimeKind.Utc) } };
        await schedules.AnnualTallyAsync(timer, new TestFunctionContext("inv-2027"), default);

        var assessments = host.Get<AssessmentStore>();
        var frozen = await assessments.GetAsync(CommunityId, 2026);
        Assert.NotNull(frozen);
        var snapshot = frozen.Snapshot;
        Assert.Equal(2026, snapshot.Year);
        Assert.Equal(3, snapshot.Tallies.Single(t => t.MemberId == "m1").HalfHours);
        Assert.Equal(2, snapshot.Tallies.Single(t => t.MemberId == "m2").HalfHours);
        Assert.Equal(2026, await assessments.LastFrozenYearAsync(CommunityId));
        Assert.Equal(2026, await assessments.LastFrozenYearAsync(OtherCommunityId));
        Assert.Null(await assessments.GetAsync(CommunityId, 2027));

        // A duplicate or late fire for the same year (on another instance, a day later) does nothing.
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(await schedules.TallyAsync(new TimerInfo { IsPastDue = true }, "inv-2027-late", default));
        await schedules.AnnualTallyAsync(timer, new TestFunctionContext("inv-2027-again"), default);
        Assert.Equal(snapshot.SnapshotId, (await assessments.GetAsync(CommunityId, 2026))!.Snapshot.SnapshotId);
    }
}

/// <summary>Just enough of a function invocation for a timer trigger: its id.</summary>
internal sealed class TestFunctionContext(string invocationId) : FunctionContext
{
    public override string InvocationId => invocationId;

    public override string FunctionId => "test";

    public override TraceContext TraceContext => null!;

    public override BindingContext BindingContext => null!;

    public override RetryContext RetryContext => null!;

    public override IServiceProvider InstanceServices { get; set; } = null!;

    public override FunctionDefinition FunctionDefinition => null!;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => null!;
}
