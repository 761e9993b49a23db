using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;
using Dispatch.Core.Tests.Orders;

namespace Dispatch.Core.Tests.Reminders;

/// <summary>Which order notices are reminders, how long they matter, and how a deferred one is re-checked.</summary>
public class OrderRemindersTests
{
    [Fact]
    public void An_offer_reminder_is_time_critical_and_expires_with_the_offer()
    {
        var s = new OrderScenario();
        s.Offer("m1");
        var deadline = s.State!.Offer!.Deadline;
        s.At(TimeSpan.FromMinutes(90)).Apply(new TimerFired(TimerKind.OfferReminder, 1));
        var reminder = OrderReminders.From(s.Effect<Notify>(), s.State!, s.Now)!;
        Assert.Equal((Recipient.Member, "m1", ReminderUrgency.TimeCritical, deadline), (reminder.To, reminder.RecipientId, reminder.Urgency, reminder.ExpiresAt));
        Assert.Equal("o1/notify-Member-OfferReminder-m1-1", reminder.Key);
    }

    [Fact]
    public void Status_notices_and_offers_are_not_reminders()
    {
        var s = new OrderScenario();
        Assert.Null(OrderReminders.From(s.Effect<Notify>(), s.State!, s.Now)); // OrderReceived
        Assert.False(OrderReminders.IsReminder(NoticeKind.OfferExpired));
        Assert.True(OrderReminders.IsReminder(NoticeKind.ConfirmReminder));
    }

    [Fact]
    public void A_deferred_reminder_is_still_due_only_while_the_order_would_still_send_it()
    {
        var s = new OrderScenario();
        s.Offer("m1");
        s.At(TimeSpan.FromMinutes(90)).Apply(new TimerFired(TimerKind.OfferReminder, 1));
        var notify = s.Effect<Notify>();
        Assert.True(OrderReminders.StillDue(s.Decider, s.State!, notify, s.Now));
        s.Apply(new OfferAccepted("m1"));
        Assert.False(OrderReminders.StillDue(s.Decider, s.State!, notify, s.Now));
    }

    [Fact]
    public void The_residents_confirm_reminder_stops_once_they_confirmed()
    {
        var s = new OrderScenario();
        s.Offer("m1");
        s.Apply(new OfferAccepted("m1"));
        s.Apply(new HoursReported("m1", Core.Hours.ServiceHours.FromHalfHours(2)));
        s.At(TimeSpan.FromHours(24)).Apply(new TimerFired(TimerKind.ConfirmReminder, 1));
        var notify = s.Effect<Notify>();
        var reminder = OrderReminders.From(notify, s.State!, s.Now)!;
        Assert.Equal((Recipient.Resident, "o1", (DateTimeOffset?)null), (reminder.To, reminder.RecipientId, reminder.ExpiresAt));
        s.Apply(new ServiceConfirmed(Core.Hours.ConfirmedBy.Resident));
        Assert.False(OrderReminders.StillDue(s.Decider, s.State!, notify, s.Now));
    }
}
