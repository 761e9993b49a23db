using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;

namespace Dispatch.Core.Tests.Reminders;

/// <summary>What a member notices: no reminder at night, never a fourth in a day, never the same one twice,
/// and none about an offer that already ran out.</summary>
public class ReminderPolicyTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly ReminderPolicy Policy = ReminderPolicy.Default;

    private static DateTimeOffset Monday(int hour, int minute = 0) => new(2026, 11, 23, hour, minute, 0, Cst);

    private static DateTimeOffset Tuesday(int hour, int minute = 0) => new(2026, 11, 24, hour, minute, 0, Cst);

    private static Reminder R(string key, DateTimeOffset wanted, ReminderUrgency urgency = ReminderUrgency.Routine, DateTimeOffset? expires = null) =>
        new(Recipient.Member, "m1", NoticeKind.ServiceTomorrow, "o1", key, wanted, urgency, expires);

    [Fact]
    public void In_allowed_hours_a_new_reminder_goes_now()
    {
        Assert.Equal(SendNow.Instance, Policy.Decide(R("a", Monday(8)), [], Monday(8)));
        Assert.Equal(SendNow.Instance, Policy.Decide(R("a", Monday(20, 59)), [], Monday(20, 59)));
    }

    [Fact]
    public void Quiet_hours_defer_to_08_00_China_time()
    {
        Assert.Equal(new DeferUntil(Tuesday(8)), Policy.Decide(R("a", Monday(21)), [], Monday(21)));
        Assert.Equal(new DeferUntil(Tuesday(8)), Policy.Decide(R("a", Monday(23, 30)), [], Monday(23, 30)));
        Assert.Equal(new DeferUntil(Tuesday(8)), Policy.Decide(R("a", Tuesday(3)), [], Tuesday(3)));
        Assert.Equal(new DeferUntil(Tuesday(8)), Policy.Decide(R("a", Monday(21)), [], Monday(21).ToUniversalTime()));
    }

    [Fact]
    public void An_offer_reminder_that_could_only_arrive_after_the_offer_runs_out_is_dropped()
    {
        var offer = R("offer", Monday(23, 30), ReminderUrgency.TimeCritical, expires: Tuesday(0));
        Assert.Equal(new Drop(DropReason.Expired), Policy.Decide(offer, [], Monday(23, 30)));
        Assert.Equal(new Drop(DropReason.Expired), Policy.Decide(offer with { WantedAt = Monday(9) }, [], Tuesday(0)));
    }

    [Fact]
    public void A_service_soon_reminder_in_the_early_morning_arrives_at_08_00_if_the_service_is_still_ahead()
    {
        var soon = R("soon", Tuesday(7, 30), ReminderUrgency.TimeCritical, expires: Tuesday(8, 30));
        Assert.Equal(new DeferUntil(Tuesday(8)), Policy.Decide(soon, [], Tuesday(7, 30)));
        Assert.Equal(SendNow.Instance, Policy.Decide(soon, [], Tuesday(8)));
    }

    [Fact]
    public void The_fourth_reminder_of_a_China_day_is_dropped_and_yesterdays_do_not_count()
    {
        SentReminder[] three = [new("a", Monday(9)), new("b", Monday(10)), new("c", Monday(11))];
        Assert.Equal(new Drop(DropReason.DailyCapReached), Policy.Decide(R("d", Monday(12)), three, Monday(12)));
        Assert.Equal(SendNow.Instance, Policy.Decide(R("d", Tuesday(9)), three, Tuesday(9)));

        // 07:30 China time on Tuesday is still Monday in UTC: the day is China's.
        SentReminder[] lateMonday = [new("a", Monday(20)), new("b", Monday(20)), new("c", Monday(20))];
        Assert.Equal(SendNow.Instance, Policy.Decide(R("d", Tuesday(8)), lateMonday, Tuesday(8)));
    }

    [Fact]
    public void A_reminder_deferred_overnight_counts_against_the_next_day_not_the_full_one()
    {
        SentReminder[] three = [new("a", Monday(9)), new("b", Monday(10)), new("c", Monday(11))];
        Assert.Equal(new DeferUntil(Tuesday(8)), Policy.Decide(R("d", Monday(22)), three, Monday(22)));
    }

    [Fact]
    public void The_same_key_is_never_delivered_twice_even_days_later()
    {
        SentReminder[] sent = [new("a", Monday(9).AddDays(-30))];
        Assert.Equal(new Drop(DropReason.Duplicate), Policy.Decide(R("a", Monday(9)), sent, Monday(9)));
    }

    [Fact]
    public void A_reminder_wanted_later_waits_for_its_time()
    {
        Assert.Equal(new DeferUntil(Monday(15)), Policy.Decide(R("a", Monday(15)), [], Monday(9)));
        Assert.Equal(new DeferUntil(Tuesday(8)), Policy.Decide(R("a", Monday(22)), [], Monday(9)));
    }
}
