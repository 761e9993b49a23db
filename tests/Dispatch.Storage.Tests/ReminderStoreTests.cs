using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests;

/// <summary>The reminder ledger and deferrals on Azurite: the cap and "once per key" hold even when senders race.</summary>
public sealed class ReminderStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    /// <summary>09:30 China time: inside allowed hours.</summary>
    private static readonly DateTimeOffset Now = Sample.T0;

    private ReminderPost Post() => new(
        new ReminderLedger(Account), new ReminderDeferrals(Account), new NoticeStore(Account),
        new OrderStore(Account), Sample.Decider, ReminderPolicy.Default);

    private static Reminder Nudge(string member, string key) =>
        new(Recipient.Member, member, NoticeKind.QuotaNudge, key, key, Now, ReminderUrgency.Routine);

    [Fact]
    public async Task Racing_senders_never_give_a_member_more_than_three_reminders_a_day()
    {
        var post = Post();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => post.OfferAsync(Nudge("m1", $"k{i}"), Now)));
        Assert.Equal(3, outcomes.Count(o => o.Decision is SendNow));
        Assert.All(outcomes.Where(o => o.Decision is not SendNow), o => Assert.Equal(new Drop(DropReason.DailyCapReached), o.Decision));
        Assert.Equal(3, (await new NoticeStore(Account).ListAsync(NoticeRecipient.Member("m1"), 50)).Count);
    }

    [Fact]
    public async Task The_same_key_sent_at_once_from_several_places_is_delivered_once()
    {
        var post = Post();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => post.OfferAsync(Nudge("m2", "quota-2025-Q2"), Now)));
        Assert.Single(outcomes, o => o.Decision is SendNow);
        Assert.Single(await new NoticeStore(Account).ListAsync(NoticeRecipient.Member("m2"), 50));

        // The next day it is still a duplicate, and it does not use one of that day's slots.
        var later = await post.OfferAsync(Nudge("m2", "quota-2025-Q2") with { WantedAt = Now.AddDays(1) }, Now.AddDays(1));
        Assert.Equal(new Drop(DropReason.Duplicate), later.Decision);
    }

    [Fact]
    public async Task A_deferred_order_reminder_keeps_its_order_notice_and_comes_due_at_08_00()
    {
        var post = Post();
        var night = new DateTimeOffset(2025, 5, 6, 22, 0, 0, TimeSpan.FromHours(8));
        var notify = new Notify("o1", Recipient.Member, NoticeKind.ServiceSoon, "m3", "2");
        var reminder = new Reminder(Recipient.Member, "m3", NoticeKind.ServiceSoon, "o1", "o1/x", night, ReminderUrgency.TimeCritical,
            night.AddHours(12), Source: notify);
        var outcome = await post.OfferAsync(reminder, night);
        var morning = new DateTimeOffset(2025, 5, 7, 8, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(new DeferUntil(morning), outcome.Decision);

        var deferrals = new ReminderDeferrals(Account);
        Assert.Empty(await deferrals.DueAsync(morning.AddTicks(-1), 10));
        var due = Assert.Single(await deferrals.DueAsync(morning, 10));
        Assert.Equal((morning, reminder), (due.DueAt, due.Reminder));

        // Its order does not exist here, so on release it is stale: dropped, and the row is gone.
        var released = Assert.Single(await post.ReleaseDueAsync(morning));
        Assert.Equal(new Drop(DropReason.Stale), released.Decision);
        Assert.Empty(await deferrals.DueAsync(morning, 10));
    }
}
