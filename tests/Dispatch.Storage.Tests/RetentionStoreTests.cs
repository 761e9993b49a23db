using Dispatch.Core.Orders;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests;

public sealed class RetentionStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task Closed_orders_are_due_only_from_the_day_after_their_cutoff_and_a_repeated_note_is_harmless()
    {
        var store = new RetentionStore(Account);
        var closed = new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero);
        await store.NoteClosedAsync("o-a", closed);
        await store.NoteClosedAsync("o-a", closed.AddHours(0.5)); // a repeated projection the same day

        Assert.Empty(await store.DueAsync(closed, 10));
        var due = Assert.Single(await store.DueAsync(closed.AddDays(1), 10));
        Assert.Equal(("d20260310", "o-a"), due);
        await store.RemoveAsync(due.Day, due.OrderId);
        Assert.Empty(await store.DueAsync(closed.AddDays(30), 10));
    }

    [Fact]
    public async Task Erasing_keeps_state_and_history_and_removes_resident_details_and_reasons()
    {
        var orders = new OrderStore(Account);
        var orderId = Sample.NewId();
        var steps = Sample.Run(new OrderPlaced(orderId, Sample.Request()), new OrderCancelled("邻居帮忙修好了"));
        var created = await orders.CreateAsync(steps[0].Decision.State, Sample.Resident, steps[0].Event, steps[0].At, []);
        await orders.SaveAsync(created, steps[1].Decision.State, steps[1].Event, steps[1].At, []);
        await orders.AddReasonAsync(orderId, "ev1", nameof(OrderCancelled), "邻居帮忙修好了", steps[1].At);

        await orders.ErasePersonalDataAsync(orderId);
        await orders.ErasePersonalDataAsync(orderId); // idempotent

        var erased = (await orders.GetAsync(orderId))!;
        Assert.Equal(ResidentDetails.Erased, erased.Resident);
        Assert.Equal(OrderStatus.Cancelled, erased.State.Status);
        Assert.Empty(await orders.ReasonsAsync(orderId));
        var history = await orders.HistoryAsync(orderId);
        Assert.Equal(2, history.Count);
        Assert.IsType<OrderCancelled>(history[1].Event);
        Assert.Null(((OrderCancelled)history[1].Event).Reason);
    }
}
