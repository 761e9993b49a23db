using Azure.Data.Tables;
using Dispatch.Core.Orders;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests;

public sealed class SmallStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task Reserving_a_key_twice_returns_the_first_order_id()
    {
        var store = new IdempotencyStore(Account);
        var key = "client-7f3a/下单?#1";

        Assert.Equal("o1", await store.ReserveAsync(key, "o1"));
        Assert.Equal("o1", await store.ReserveAsync(key, "o2"));
        Assert.Equal("o3", await store.ReserveAsync("another", "o3"));
        Assert.Equal("o1", await store.FindAsync(key));
        Assert.Null(await store.FindAsync("unused"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReserveAsync(new string('k', 101), "o4"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReserveAsync("", "o4"));
    }

    [Fact]
    public async Task Concurrent_reservations_of_one_key_agree()
    {
        var store = new IdempotencyStore(Account);
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.ReserveAsync("same", $"o{i}")));
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task Two_hosts_raising_one_reference_counter_never_give_a_number_twice()
    {
        // Each counter remembers the ETag it last wrote: interleaved and racing raises must still fall back to reading.
        var first = new ReferenceCounter(Account);
        var second = new ReferenceCounter(Account);
        var day = new DateOnly(2026, 11, 23);
        var numbers = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            numbers.Add(await (i % 3 == 0 ? second : first).NextAsync("hubin", day));
        }

        numbers.AddRange(await Task.WhenAll(Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? first : second).NextAsync("hubin", day))));
        numbers.Add(await first.NextAsync("hubin", day));

        Assert.Equal(Enumerable.Range(1, 19), numbers.Order());
        Assert.Equal(1, await first.NextAsync("hubin", day.AddDays(1))); // a new day starts at 1
    }

    [Fact]
    public async Task Timers_come_due_in_order_and_delete_idempotently()
    {
        var timers = new TimerStore(Account);
        var now = Sample.T0;
        var due = Enumerable.Range(0, 40)
            .Select(i => new ScheduleTimer($"o{i}", TimerKind.OfferDeadline, 1, now.AddSeconds(-i)))
            .ToList();
        var later = new ScheduleTimer("o-later", TimerKind.ConfirmReminder, 2, now.AddTicks(1));
        var exactlyNow = new ScheduleTimer("o-now", TimerKind.BoardExpiry, 0, now.ToOffset(TimeSpan.FromHours(8)));
        foreach (var t in due.Append(later).Append(exactlyNow))
        {
            await timers.ScheduleAsync(t);
        }

        await timers.ScheduleAsync(due[0]); // again: one row

        var got = await timers.DueAsync(now, 100);
        Assert.Equal(41, got.Count);
        Assert.Contains(exactlyNow, got);
        Assert.DoesNotContain(later, got);
        Assert.Equal(got.OrderBy(t => t.DueAt), got);
        Assert.Equal(due[^1], got[0]);
        Assert.Equal(got.Take(5), await timers.DueAsync(now, 5));
        Assert.Equal(due[^1].DueAt, await timers.NextDueAsync());

        await timers.DeleteAsync(due[^1]);
        await timers.DeleteAsync(due[^1]);
        Assert.Equal(40, (await timers.DueAsync(now, 100)).Count);
        Assert.Equal(41, (await timers.DueAsync(now.AddSeconds(1), 100)).Count);
    }

    [Fact]
    public async Task No_timers_means_nothing_due()
    {
        var timers = new TimerStore(Account);
        Assert.Empty(await timers.DueAsync(Sample.T0, 10));
        Assert.Null(await timers.NextDueAsync());
    }

    [Fact]
    public async Task Timers_on_many_days_come_due_in_order_and_the_earliest_is_found_whichever_was_set_first()
    {
        var timers = new TimerStore(Account);
        var now = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        // Set latest first, across a month, around midnight UTC and in China time.
        var all = Enumerable.Range(0, 30)
            .Select(d => new ScheduleTimer($"o{d}", TimerKind.ServiceSoon, 1, now.AddDays(15 - d).AddMinutes(d % 3 == 0 ? -601 : 7)))
            .Append(new ScheduleTimer("o-midnight", TimerKind.OfferDeadline, 2, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)))
            .Append(new ScheduleTimer("o-cn", TimerKind.OfferReminder, 2, new DateTimeOffset(2026, 12, 1, 7, 59, 59, TimeSpan.FromHours(8))))
            .ToList();
        await timers.ScheduleAsync(all.Take(10).ToList()); // one request per day among them
        foreach (var t in all.Skip(10))
        {
            await timers.ScheduleAsync(t);
        }

        var expected = all.Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).ToList();
        Assert.Equal(expected, await timers.DueAsync(now, 100));
        Assert.Equal(expected.Take(3), await timers.DueAsync(now, 3));
        Assert.Equal(all.Min(t => t.DueAt), await timers.NextDueAsync());

        foreach (var t in expected)
        {
            await timers.DeleteAsync(t);
        }

        Assert.Empty(await timers.DueAsync(now, 100));
        Assert.Equal(all.Where(t => t.DueAt > now).Min(t => t.DueAt), await timers.NextDueAsync());
        Assert.Equal(all.Count - expected.Count, (await timers.DueAsync(now.AddDays(40), 100)).Count);
    }

    [Fact]
    public async Task Dropping_timers_removes_them_even_when_some_already_fired()
    {
        var timers = new TimerStore(Account);
        var now = Sample.T0;
        var keep = new ScheduleTimer("o-keep", TimerKind.OfferDeadline, 1, now.AddHours(2));
        var drop = new[] { 1, 2, 3 }.Select(i => new ScheduleTimer("o1", TimerKind.OfferReminder, i, now.AddHours(i))).Append(
            new ScheduleTimer("o1", TimerKind.BoardExpiry, 0, now.AddDays(3))).ToList();
        await timers.ScheduleAsync([keep, .. drop]);
        await timers.DeleteAsync(drop[1]); // fired and deleted by the pump meanwhile

        await timers.DropAsync(drop);
        await timers.DropAsync(drop); // again: nothing left to drop, no error
        Assert.Equal([keep], await timers.DueAsync(now.AddDays(10), 100));
    }

    /// <summary>Rows an earlier version wrote to the sharded partitions ("t12", "s03", "q15") are still read,
    /// and deleted, once the tables are one partition each; timers the last version kept in its one partition "t"
    /// are read from their due day's.</summary>
    [Fact]
    public async Task Rows_in_the_former_shard_partitions_are_read_and_deleted()
    {
        var timer = new ScheduleTimer("o-old", TimerKind.OfferDeadline, 1, Sample.T0);
        var single = new ScheduleTimer("o-single", TimerKind.OfferReminder, 1, Sample.T0.AddDays(-3));
        await new TimerStore(Account).ScheduleAsync([timer, single]);
        await MoveToAsync(TableNames.Timers, TimerStore.PartitionOf(timer.DueAt), "t12");
        await MoveToAsync(TableNames.Timers, TimerStore.PartitionOf(single.DueAt), "t");
        var clock = new ManualClock(Sample.T0);
        await new OutboxMarkers(Account, clock).MarkAsync("o-old");
        await MoveToAsync(TableNames.Outbox, OutboxMarkers.Partition, "s03");
        var reminder = new Core.Reminders.Reminder(Recipient.Member, "m1", NoticeKind.QuotaNudge, "k", "k", Sample.T0, Core.Reminders.ReminderUrgency.Routine);
        await new ReminderDeferrals(Account).DeferAsync("m1", reminder, Sample.T0);
        await MoveToAsync(ReminderTables.Deferrals, ReminderDeferrals.Partition, "q15");

        // A process of this version: the first read finds them.
        var timers = new TimerStore(Account);
        Assert.Equal(single.DueAt, await timers.NextDueAsync());
        Assert.Equal([single, timer], await timers.DueAsync(Sample.T0, 10));
        await timers.DeleteAsync(timer);
        await timers.DeleteAsync(single);
        Assert.Empty(await new TimerStore(Account).DueAsync(Sample.T0, 10));

        var markers = new OutboxMarkers(Account, clock);
        Assert.Equal(["o-old"], (await markers.ListAsync(10)).Select(m => m.OrderId));
        await markers.ClearAsync("o-old");
        Assert.Empty(await new OutboxMarkers(Account, clock).ListAsync(10));

        var deferrals = new ReminderDeferrals(Account);
        var deferred = Assert.Single(await deferrals.DueAsync(Sample.T0, 10));
        Assert.Equal(reminder, deferred.Reminder);
        await deferrals.DeleteAsync(deferred);
        Assert.Empty(await new ReminderDeferrals(Account).DueAsync(Sample.T0, 10));

        foreach (var table in new[] { TableNames.Timers, TableNames.Outbox, ReminderTables.Deferrals })
        {
            Assert.Empty(await Account.Table(table).QueryAsync<TableEntity>().ToListAsync());
        }
    }

    /// <summary>Puts every row of the table's one partition where the sharded version kept it.</summary>
    private async Task MoveToAsync(string tableName, string partition, string shard)
    {
        var table = Account.Table(tableName);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            row.PartitionKey = shard;
            await table.AddEntityAsync(row);
        }
    }

    [Fact]
    public async Task A_days_sweep_mark_once_seen_is_answered_without_reading_it_again()
    {
        var day = new DateOnly(2026, 11, 30);
        var marks = new SweepMarks(Account);
        Assert.False(await marks.HasRunAsync(ReminderSweep.DailyJob, "c1", day));
        await marks.MarkAsync(ReminderSweep.DailyJob, "c1", day, Sample.T0);
        var other = new SweepMarks(Account); // another host reads it from storage
        Assert.True(await other.HasRunAsync(ReminderSweep.DailyJob, "c1", day));

        // The row gone, the hosts that saw it still answer: from memory, with no read per upkeep pass.
        await Account.Table(ReminderTables.Ledger).DeleteEntityAsync("run|c1", "daily|20261130");
        Assert.True(await marks.HasRunAsync(ReminderSweep.DailyJob, "c1", day));
        Assert.True(await other.HasRunAsync(ReminderSweep.DailyJob, "c1", day));
        Assert.False(await new SweepMarks(Account).HasRunAsync(ReminderSweep.DailyJob, "c1", day));

        // Another community's mark, and the next day's, are read from storage.
        Assert.False(await marks.HasRunAsync(ReminderSweep.DailyJob, "c2", day));
        Assert.False(await marks.HasRunAsync(ReminderSweep.DailyJob, "c1", day.AddDays(1)));
    }

    [Fact]
    public async Task Outbox_markers_mark_list_and_clear()
    {
        var clock = new ManualClock(Sample.T0);
        var markers = new OutboxMarkers(Account, clock);
        await markers.MarkAsync("o1");
        clock.Now = Sample.T0.AddMinutes(1);
        await markers.MarkAsync("o2");
        await markers.MarkAsync("o3");
        await markers.MarkAsync("o3");

        Assert.Equal(["o1", "o2", "o3"], (await markers.ListAsync(10)).Select(m => m.OrderId).Order());
        Assert.Equal("o1", (await markers.ListAsync(10))[0].OrderId);
        Assert.Equal(["o1"], (await markers.ListAsync(10, markedBefore: Sample.T0.AddSeconds(30))).Select(m => m.OrderId));
        Assert.Single(await markers.ListAsync(1));

        await markers.ClearAsync("o2");
        await markers.ClearAsync("o2");
        Assert.Equal(["o1", "o3"], (await markers.ListAsync(10)).Select(m => m.OrderId).Order());
    }

    [Fact]
    public async Task Notices_are_deduplicated_and_listed_newest_first()
    {
        var notices = new NoticeStore(Account);
        var member = NoticeRecipient.Member("m1");

        Assert.True(await notices.AddAsync(member, "o1", NoticeKind.OfferReminder, "notify-Member-OfferReminder-m1-1", Sample.T0));
        Assert.False(await notices.AddAsync(member, "o1", NoticeKind.OfferReminder, "notify-Member-OfferReminder-m1-1", Sample.T0.AddMinutes(3)));
        Assert.True(await notices.AddAsync(member, "o2", NoticeKind.OfferReminder, "notify-Member-OfferReminder-m1-1", Sample.T0.AddMinutes(1)));
        Assert.True(await notices.AddAsync(member, "o1", NoticeKind.OfferExpired, "notify-Member-OfferExpired-m1-1", Sample.T0.AddMinutes(2), "报名已过期"));
        Assert.True(await notices.AddAsync(NoticeRecipient.Resident("o1"), "o1", NoticeKind.OrderReceived, "r0", Sample.T0));

        var list = await notices.ListAsync(member, 10);

        Assert.Equal([NoticeKind.OfferExpired, NoticeKind.OfferReminder, NoticeKind.OfferReminder], list.Select(n => n.Kind));
        Assert.Equal(["o1", "o2", "o1"], list.Select(n => n.OrderId));
        Assert.Equal("报名已过期", list[0].Text);
        Assert.Equal(Sample.T0.AddMinutes(2), list[0].At);
        Assert.Equal(2, (await notices.ListAsync(member, 2)).Count);
        Assert.Single(await notices.ListAsync(NoticeRecipient.Resident("o1"), 10));
        Assert.Empty(await notices.ListAsync(NoticeRecipient.Organizers("c1"), 10));
        await Assert.ThrowsAsync<InvalidKeyException>(() => notices.ListAsync("m1", 10));
    }

    [Fact]
    public async Task Ensure_created_is_idempotent()
    {
        await Account.EnsureCreatedAsync();
        await new StorageAccount(Account.Options).EnsureCreatedAsync();
        var tables = Account.Tables.Query(TableClient.CreateQueryFilter($"TableName ge {Account.Options.TablePrefix}"))
            .Select(t => t.Name)
            .Where(n => n.StartsWith(Account.Options.TablePrefix, StringComparison.Ordinal))
            .ToList();
        Assert.Equal(TableNames.All.Select(Account.TableName).Order(), tables.Order());
    }
}

internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
