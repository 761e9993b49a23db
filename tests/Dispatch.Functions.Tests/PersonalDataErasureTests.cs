using Dispatch.App.Retention;
using Dispatch.Core.Orders;
using Dispatch.Functions.Schedules;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>The Azure host's erasure timer: a closed order's resident data and photo go after the retention period.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PersonalDataErasureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_timer_erases_a_cancelled_orders_resident_data_after_the_period_and_leaves_open_orders()
    {
        // The host runs on the real clock (its HTTP functions wait for the orchestration in real time); the
        // job under the timer gets a clock of its own to step over the retention period.
        await using var host = await StartAsync(azurite, SlowPolicy);
        var (closedId, resident) = await host.PlaceAsync();
        var (openId, _) = await host.PlaceAsync();
        await host.WaitForAsync(closedId, s => s.Status == OrderStatus.Offered);
        Assert.Equal(200, Read(await host.Orders.CancelAsync(Request("POST", "/x", new { reason = "家里人修好了" }, resident), closedId, host.Client, default)).Status);
        await host.WaitForAsync(closedId, s => s.Status == OrderStatus.Cancelled);
        var orders = host.Get<OrderStore>();
        var photos = host.Get<PhotoStore>();
        await photos.PutAsync(closedId, CraftedPhotos.Jpeg(800, 600, gps: false), "image/jpeg", default);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var timer = new PersonalDataErasureFunction(new PersonalDataErasure(
            host.Get<RetentionStore>(), orders, photos, clock, Options.Create(new RetentionOptions()), NullLogger<PersonalDataErasure>.Instance));

        clock.Advance(TimeSpan.FromDays(179));
        await timer.RunAsync(new TimerInfo(), default);
        Assert.Equal("王秀英", (await orders.GetAsync(closedId))!.Resident.Name);
        Assert.NotEmpty(await orders.ReasonsAsync(closedId));
        Assert.True(await photos.ExistsAsync(closedId, default));

        clock.Advance(TimeSpan.FromDays(2));
        await timer.RunAsync(new TimerInfo(), default);
        var erased = (await orders.GetAsync(closedId))!;
        Assert.Equal(ResidentDetails.Erased, erased.Resident);
        Assert.Equal(OrderStatus.Cancelled, erased.State.Status);
        Assert.Empty(await orders.ReasonsAsync(closedId));
        Assert.False(await photos.ExistsAsync(closedId, default));
        Assert.Equal("王秀英", (await orders.GetAsync(openId))!.Resident.Name);
    }
}
