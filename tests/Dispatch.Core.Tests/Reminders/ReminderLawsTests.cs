using CsCheck;
using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;
using Dispatch.Core.Time;

namespace Dispatch.Core.Tests.Reminders;

/// <summary>Laws of the reminder policy over random streams of reminders for a few members across three days,
/// run the way a host runs them: decide, send or keep the deferral and offer it again when due.</summary>
public class ReminderLawsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly ReminderPolicy Policy = ReminderPolicy.Default;

    private static readonly Gen<Reminder> GenReminder =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 7], Gen.Int[0, 3 * 24 * 60], Gen.Bool, Gen.Int[-1, 14 * 60],
            (member, key, minute, critical, lasts) => new Reminder(
                Recipient.Member, $"m{member}", NoticeKind.ServiceSoon, "o1", $"k{key}",
                Start.AddMinutes(minute),
                critical ? ReminderUrgency.TimeCritical : ReminderUrgency.Routine,
                lasts < 0 ? null : Start.AddMinutes(minute + lasts)));

    private static readonly Gen<Reminder[]> GenStream = GenReminder.Array[1, 40];

    /// <summary>Each arrival is offered at its wanted time; deferrals come back when due.</summary>
    private static List<(Reminder Reminder, DateTimeOffset At)> Deliver(Reminder[] stream)
    {
        var pending = new PriorityQueue<Reminder, DateTimeOffset>();
        foreach (var r in stream)
        {
            pending.Enqueue(r, r.WantedAt);
        }

        var sent = new List<(Reminder Reminder, DateTimeOffset At)>();
        while (pending.TryDequeue(out var r, out var now))
        {
            var history = sent.Where(s => s.Reminder.RecipientId == r.RecipientId).Select(s => new SentReminder(s.Reminder.Key, s.At));
            switch (Policy.Decide(r, history, now))
            {
                case SendNow:
                    sent.Add((r, now));
                    break;
                case DeferUntil d:
                    Assert.True(d.At > now, "a deferral is always to a later time");
                    Assert.False(Policy.IsQuiet(d.At), "a deferral never lands in quiet hours");
                    pending.Enqueue(r, d.At);
                    break;
            }
        }

        return sent;
    }

    [Fact]
    public void No_member_ever_gets_more_than_three_reminders_in_a_China_day()
    {
        GenStream.Sample(stream => Assert.All(
            Deliver(stream).GroupBy(s => (s.Reminder.RecipientId, ChinaTime.DateOf(s.At))),
            day => Assert.InRange(day.Count(), 0, Policy.DailyCap)), iter: 3000);
    }

    [Fact]
    public void Nothing_is_delivered_in_quiet_hours()
    {
        GenStream.Sample(stream => Assert.All(Deliver(stream), s =>
        {
            var time = ChinaTime.ToChina(s.At).TimeOfDay;
            Assert.InRange(time, TimeSpan.FromHours(8), TimeSpan.FromHours(21) - TimeSpan.FromTicks(1));
        }), iter: 3000);
    }

    [Fact]
    public void The_same_reminder_key_is_delivered_at_most_once_per_member()
    {
        GenStream.Sample(stream => Assert.All(
            Deliver(stream).GroupBy(s => (s.Reminder.RecipientId, s.Reminder.Key)),
            same => Assert.Single(same)), iter: 3000);
    }

    [Fact]
    public void Nothing_is_delivered_before_it_is_wanted_or_once_it_has_expired()
    {
        GenStream.Sample(stream => Assert.All(Deliver(stream), s =>
        {
            Assert.True(s.At >= s.Reminder.WantedAt);
            Assert.True(s.Reminder.ExpiresAt is null || s.At < s.Reminder.ExpiresAt);
        }), iter: 3000);
    }

    [Fact]
    public void A_new_reminder_in_allowed_hours_to_a_member_with_room_left_goes_at_once()
    {
        Gen.Select(GenReminder, Gen.Int[0, 2]).Sample((r, already) =>
        {
            var now = r.WantedAt;
            var history = Enumerable.Range(0, already).Select(i => new SentReminder($"other{i}", now));
            var decision = Policy.Decide(r, history, now);
            if (!Policy.IsQuiet(now) && (r.ExpiresAt is null || r.ExpiresAt > now))
            {
                Assert.Equal(SendNow.Instance, decision);
            }
        }, iter: 3000);
    }
}
