using Dispatch.Core.Orders;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests;

public sealed class AzuriteFixtureTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task Data_survives_an_Azurite_restart()
    {
        if (Azurite.IsExternal)
        {
            return; // An Azurite someone else started is not ours to restart.
        }

        var store = new OrderStore(Account);
        var orderId = Sample.NewId();
        var steps = Sample.Run(new OrderPlaced(orderId, Sample.Request()));
        await store.CreateAsync(steps[0].Decision.State, Sample.Resident, steps[0].Event, steps[0].At, steps[0].Decision.Effects);
        await new AssignmentQueue(Account).SendAsync(new SendOffer(orderId, "m1", 1, Sample.T0, Sample.Reason));

        await Azurite.RestartAsync();

        Assert.Equal(Sample.Resident, (await store.GetAsync(orderId))!.Resident);
        var received = Assert.Single(await new AssignmentQueue(Account).ReceiveAsync(5, TimeSpan.FromSeconds(30)));
        Assert.Equal(orderId, received.Message.OrderId);
    }

    [Fact]
    public void Connection_string_points_at_loopback_ports()
    {
        if (Azurite.IsExternal)
        {
            return;
        }

        Assert.Contains($"TableEndpoint=http://127.0.0.1:{Azurite.TablePort}/devstoreaccount1", Azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"QueueEndpoint=http://127.0.0.1:{Azurite.QueuePort}/devstoreaccount1", Azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Equal(3, new[] { Azurite.BlobPort, Azurite.QueuePort, Azurite.TablePort }.Distinct().Count());
        Assert.True(Directory.Exists(Azurite.Location));
    }
}
