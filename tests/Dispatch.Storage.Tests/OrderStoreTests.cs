using System.Collections.Immutable;
using Azure.Data.Tables;
using Dispatch.Core.Hours;
using Dispatch.Core.Orders;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests;

public sealed class OrderStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private OrderStore Store => new(Account);

    private async Task<(StoredOrder Stored, List<(OrderEvent Event, Decision.Changed Decision, DateTimeOffset At)> Steps)> PlaceAsync(string? id = null)
    {
        var orderId = id ?? Sample.NewId();
        var steps = Sample.Run(new OrderPlaced(orderId, Sample.Request()));
        var (placed, d, at) = steps[0];
        var stored = await Store.CreateAsync(d.State!, Sample.Resident, placed, at, d.Effects);
        return (stored, steps);
    }

    [Fact]
    public async Task Create_then_get_keeps_every_field()
    {
        var orderId = Sample.NewId();
        var steps = Sample.Run(new OrderPlaced(orderId, Sample.Request()), new CandidateFound("m1", Sample.Reason));
        var (_, offered, at) = steps[1];
        Assert.Contains(offered.Effects, e => e is SendOffer);
        Assert.Contains(offered.Effects, e => e is ScheduleTimer);

        await Store.CreateAsync(offered.State!, Sample.Resident, steps[0].Event, at, offered.Effects);
        var got = await Store.GetAsync(orderId);

        Assert.NotNull(got);
        Assert.Equal(Sample.Json(offered.State), Sample.Json(got.State));
        Assert.Equal(Sample.Resident, got.Resident);
        Assert.Equal(Sample.JsonOfEffects(offered.Effects), Sample.JsonOfEffects(got.Outbox));
        Assert.Equal(offered.Effects.Select(e => e.GetType()), got.Outbox.Select(e => e.GetType()));
        Assert.Equal(offered.State!.Offer, got.State.Offer);
        Assert.NotEqual(default, got.ETag);
    }

    [Fact]
    public async Task Get_of_unknown_order_is_null()
    {
        Assert.Null(await Store.GetAsync("nope"));
    }

    [Fact]
    public async Task Second_create_returns_the_existing_order_and_writes_nothing()
    {
        var (first, steps) = await PlaceAsync();
        var other = new ResidentDetails("李四", "13900000000", "别处", "别的");

        var second = await Store.CreateAsync(steps[0].Decision.State, other, steps[0].Event, steps[0].At.AddHours(1), []);

        Assert.Equal(first.Resident, second.Resident);
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(Sample.JsonOfEffects(first.Outbox), Sample.JsonOfEffects(second.Outbox));
        var history = await Store.HistoryAsync(first.OrderId);
        Assert.Single(history);
        Assert.Equal(steps[0].At, history[0].At);
    }

    [Fact]
    public async Task Save_with_a_stale_etag_throws_and_changes_nothing()
    {
        var orderId = Sample.NewId();
        var steps = Sample.Run(new OrderPlaced(orderId, Sample.Request()), new CandidateFound("m1", Sample.Reason), new OfferAccepted("m1"));
        var created = await Store.CreateAsync(steps[0].Decision.State, Sample.Resident, steps[0].Event, steps[0].At, steps[0].Decision.Effects);
        var saved = await Store.SaveAsync(created, steps[1].Decision.State, steps[1].Event, steps[1].At, steps[1].Decision.Effects);
        Assert.NotEqual(created.ETag, saved.ETag);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Store.SaveAsync(created, steps[2].Decision.State, steps[2].Event, steps[2].At, steps[2].Decision.Effects));

        var now = await Store.GetAsync(orderId);
        Assert.Equal(OrderStatus.Offered, now!.State.Status);
        Assert.Equal(saved.ETag, now.ETag);
        Assert.Equal(2, (await Store.HistoryAsync(orderId)).Count);
    }

    [Fact]
    public async Task Of_two_concurrent_saves_exactly_one_wins()
    {
        var (created, steps) = await PlaceAsync();
        var a = Assert.IsType<Decision.Changed>(Sample.Decider.Decide(created.State, new CandidateFound("mA", Sample.Reason), steps[0].At.AddMinutes(1)));
        var b = Assert.IsType<Decision.Changed>(Sample.Decider.Decide(created.State, new CandidateFound("mB", Sample.Reason), steps[0].At.AddMinutes(1)));

        var attempts = await Task.WhenAll(
            Outcome(() => Store.SaveAsync(created, a.State, new CandidateFound("mA", Sample.Reason), steps[0].At, a.Effects)),
            Outcome(() => Store.SaveAsync(created, b.State, new CandidateFound("mB", Sample.Reason), steps[0].At, b.Effects)));

        Assert.Single(attempts, r => r is StoredOrder);
        Assert.Single(attempts, r => r is ConcurrencyConflictException);
        var winner = (StoredOrder)attempts.Single(r => r is StoredOrder)!;
        var now = await Store.GetAsync(created.OrderId);
        Assert.Equal(winner.State.Offer!.MemberId, now!.State.Offer!.MemberId);
        Assert.Equal(winner.ETag, now.ETag);

        static async Task<object?> Outcome(Func<Task<StoredOrder>> save)
        {
            try
            {
                return await save();
            }
            catch (ConcurrencyConflictException e)
            {
                return e;
            }
        }
    }

    [Fact]
    public async Task History_comes_back_in_order_and_holds_no_personal_data()
    {
        var orderId = Sample.NewId();
        var steps = Sample.Run(
            new OrderPlaced(orderId, Sample.Request()),
            new CandidateFound("m1", Sample.Reason),
            new OfferAccepted("m1"),
            new HoursReported("m1", ServiceHours.FromHours(1.5m)),
            new ServiceConfirmed(ConfirmedBy.Resident, Rating: 5));
        var stored = await Store.CreateAsync(steps[0].Decision.State, Sample.Resident, steps[0].Event, steps[0].At, steps[0].Decision.Effects);
        foreach (var (e, d, at) in steps.Skip(1))
        {
            stored = await Store.SaveAsync(stored, d.State!, e, at, d.Effects);
        }

        var history = await Store.HistoryAsync(orderId);
        // The order as saved holds its whole history: read from it, with no request, it is the same.
        Assert.Equal(Sample.Json(history), Sample.Json(await Store.HistoryAsync(stored)));

        Assert.Equal(steps.Select(s => s.Event.GetType()), history.Select(h => h.Event.GetType()));
        Assert.Equal(Enumerable.Range(1, steps.Count), history.Select(h => h.Version));
        Assert.Equal(steps.Select(s => s.At), history.Select(h => h.At));
        Assert.Equal(steps.Select(s => s.Event.Actor), history.Select(h => h.Actor));
        Assert.Equal(Sample.Json(steps[^1].Decision.State), Sample.Json(Sample.Decider.Replay(history.Select(h => (h.Event, h.At)))));

        var table = Account.Table(TableNames.Orders);
        var raw = table.Query<TableEntity>(e => e.PartitionKey == orderId).ToList();
        // A short history lives on the order row (its latest and earlier events): no history rows, one row per save.
        Assert.DoesNotContain(raw, e => e.RowKey.StartsWith('e'));
        foreach (var value in raw.SelectMany(r => r.Where(kv => kv.Key is "LastEvent" or "Earlier").Select(kv => kv.Value)).Select(v => v?.ToString() ?? ""))
        {
            Assert.DoesNotContain(Sample.Resident.Phone, value, StringComparison.Ordinal);
            Assert.DoesNotContain(Sample.Resident.Name, value, StringComparison.Ordinal);
            Assert.DoesNotContain(Sample.Resident.Address, value, StringComparison.Ordinal);
            Assert.DoesNotContain(Sample.Resident.Description, value, StringComparison.Ordinal);
        }

        // The resident's details live on the current row, and only there.
        var current = Assert.Single(raw, e => e.RowKey == OrderStore.CurrentRow);
        Assert.Equal(Sample.Resident.Phone, current.GetString("Phone"));
        Assert.DoesNotContain(Sample.Resident.Phone, current.GetString("State"), StringComparison.Ordinal);
        Assert.DoesNotContain(Sample.Resident.Phone, current.GetString("Outbox"), StringComparison.Ordinal);
        Assert.DoesNotContain(Sample.Resident.Phone, current.GetString("LastEvent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_effects_removes_only_the_given_keys()
    {
        var orderId = Sample.NewId();
        var steps = Sample.Run(new OrderPlaced(orderId, Sample.Request()), new CandidateFound("m1", Sample.Reason));
        var created = await Store.CreateAsync(steps[0].Decision.State, Sample.Resident, steps[0].Event, steps[0].At, steps[0].Decision.Effects);
        var (e1, d1, at1) = steps[1];
        var saved = await Store.SaveAsync(created, d1.State!, e1, at1, created.Outbox.AddRange(d1.Effects));
        var keys = saved.Outbox.Select(e => e.Key).ToList();
        Assert.True(keys.Count >= 4, string.Join(",", keys));

        var done = new HashSet<string> { keys[0], keys[2] };
        var after = await Store.CompleteEffectsAsync(orderId, done);

        var expected = keys.Where(k => !done.Contains(k)).ToList();
        Assert.Equal(expected, after!.Outbox.Select(e => e.Key));
        var reloaded = await Store.GetAsync(orderId);
        Assert.Equal(expected, reloaded!.Outbox.Select(e => e.Key));
        Assert.Equal(after.ETag, reloaded.ETag);
        Assert.Equal(Sample.Json(d1.State), Sample.Json(reloaded.State));
        Assert.Equal(Sample.Resident, reloaded.Resident);

        // Completing again (a retry) is harmless; the old ETag is now stale for a save.
        await Store.CompleteEffectsAsync(orderId, done);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Store.SaveAsync(saved, d1.State!, e1, at1, []));
    }

    [Fact]
    public async Task Concurrent_completions_of_different_keys_all_take_effect()
    {
        var orderId = Sample.NewId();
        var steps = Sample.Run(new OrderPlaced(orderId, Sample.Request()), new CandidateFound("m1", Sample.Reason));
        var created = await Store.CreateAsync(steps[0].Decision.State, Sample.Resident, steps[0].Event, steps[0].At, steps[0].Decision.Effects);
        var saved = await Store.SaveAsync(created, steps[1].Decision.State, steps[1].Event, steps[1].At, created.Outbox.AddRange(steps[1].Decision.Effects));
        var keys = saved.Outbox.Select(e => e.Key).ToList();

        await Task.WhenAll(keys.Take(4).Select(k => Store.CompleteEffectsAsync(orderId, new HashSet<string> { k })));

        Assert.Equal(keys.Skip(4), (await Store.GetAsync(orderId))!.Outbox.Select(e => e.Key));
    }

    [Fact]
    public async Task A_long_history_spills_to_history_rows_and_reads_back_whole_in_order()
    {
        var orderId = Sample.NewId();
        // Declines with long reasons until the order row's share passes the spill size.
        var events = new List<OrderEvent> { new OrderPlaced(orderId, Sample.Request()) };
        var reason = new string('很', Dispatch.Core.Api.FreeText.MaxReason);
        for (var i = 0; i < 40; i++)
        {
            var member = $"m{i}";
            events.Add(new CandidateFound(member, Sample.Reason));
            events.Add(new OfferDeclined(member, reason));
        }

        var decider = new OrderDecider(OrderPolicy.Default with { MaxAttempts = 100 });
        var steps = Sample.Run(decider, [.. events]);
        var stored = await Store.CreateAsync(steps[0].Decision.State, Sample.Resident, steps[0].Event, steps[0].At, []);
        var table = Account.Table(TableNames.Orders);
        var spilledAt = 0;
        foreach (var (e, d, at) in steps.Skip(1))
        {
            stored = await Store.SaveAsync(stored, d.State!, e, at, []);
            if (spilledAt == 0 && table.Query<TableEntity>(x => x.PartitionKey == orderId).Any(x => x.RowKey.StartsWith('e')))
            {
                spilledAt = stored.State.Version;
            }
        }

        Assert.InRange(spilledAt, 3, steps.Count - 1); // spilled at some point, not on the first saves
        var history = await Store.HistoryAsync(orderId);
        Assert.Equal(Enumerable.Range(1, steps.Count), history.Select(h => h.Version));
        Assert.Equal(Sample.Json(history), Sample.Json(await Store.HistoryAsync(stored))); // spilled: read from the rows
        Assert.Equal(steps.Select(s => s.Event.GetType()), history.Select(h => h.Event.GetType()));
        Assert.Equal(Sample.Json(steps[^1].Decision.State), Sample.Json(decider.Replay(history.Select(h => (h.Event, h.At)))));

        // Erasure cuts the free-text reasons wherever the events are kept: rows and the order row alike.
        await Store.ErasePersonalDataAsync(orderId);
        Assert.All(await Store.HistoryAsync(orderId), h => Assert.False(h.Event is OfferDeclined { Reason: not null }, $"version {h.Version} kept its reason"));
        Assert.DoesNotContain(table.Query<TableEntity>(x => x.PartitionKey == orderId).SelectMany(r => r.Select(kv => kv.Value?.ToString() ?? "")), v => v.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Orders_saved_with_effects_are_found_by_the_pending_scan_until_their_effects_are_done()
    {
        var withEffects = Sample.Run(new OrderPlaced(Sample.NewId(), Sample.Request()));
        var without = Sample.Run(new OrderPlaced(Sample.NewId(), Sample.Request()));
        var pending = await Store.CreateAsync(withEffects[0].Decision.State, Sample.Resident, withEffects[0].Event, withEffects[0].At, withEffects[0].Decision.Effects);
        await Store.CreateAsync(without[0].Decision.State, Sample.Resident, without[0].Event, without[0].At, []);
        Assert.NotEmpty(pending.Outbox);
        var after = withEffects[0].At.AddSeconds(1);

        Assert.Contains(pending.OrderId, await Store.PendingAsync(after, 10_000));
        Assert.DoesNotContain(without[0].Decision.State.OrderId, await Store.PendingAsync(after, 10_000));
        Assert.DoesNotContain(pending.OrderId, await Store.PendingAsync(withEffects[0].At, 10_000)); // saved too recently: a request may be running them

        await Store.CompleteEffectsAsync(pending, pending.Outbox.Select(e => e.Key).ToHashSet());
        Assert.DoesNotContain(pending.OrderId, await Store.PendingAsync(after, 10_000));
    }

    [Fact]
    public async Task Completing_effects_of_an_unknown_order_returns_null()
    {
        Assert.Null(await Store.CompleteEffectsAsync("missing", new HashSet<string> { "x" }));
    }
}
