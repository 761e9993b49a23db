using System.Diagnostics;
using Dispatch.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Storage.Tests;

/// <summary>The account's circuit breaker against a storage endpoint nobody listens on: bounded retries, then
/// every table and queue call refused at once until the open period has passed on the account's clock.</summary>
public sealed class StorageBreakerTests
{
    private static StorageAccount Unreachable(FakeTimeProvider clock)
    {
        var ports = LoopbackPorts.Free(2); // free, so nothing listens: connections are refused
        return new StorageAccount(new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};"
                + $"TableEndpoint=http://127.0.0.1:{ports[0]}/{AzuriteFixture.AccountName};"
                + $"QueueEndpoint=http://127.0.0.1:{ports[1]}/{AzuriteFixture.AccountName};",
        }, clock);
    }

    [Fact]
    public async Task After_three_failed_requests_the_breaker_refuses_at_once_and_tries_again_after_its_open_period()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var account = Unreachable(clock);
        var table = account.Table(TableNames.Orders);
        for (var i = 0; i < account.Options.BreakerFailures; i++)
        {
            var watch = Stopwatch.StartNew();
            var failure = await Record.ExceptionAsync(() => table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r"));
            Assert.True(TransientFailures.IsTransient(failure!), failure!.ToString());
            Assert.IsNotType<StorageUnavailableException>(failure);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"a refused connection took {watch.ElapsedMilliseconds} ms with retries");
        }

        Assert.True(account.Breaker.IsOpen);
        var open = await Assert.ThrowsAsync<StorageUnavailableException>(() => table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r"));
        Assert.Equal(account.Options.BreakerOpenFor, open.RetryAfter);
        Assert.True(TransientFailures.IsTransient(open));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => account.Queue(account.AssignmentQueueName).PeekMessagesAsync());

        clock.Advance(account.Options.BreakerOpenFor);
        Assert.False(account.Breaker.IsOpen);
        var tried = await Record.ExceptionAsync(() => table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r"));
        Assert.IsNotType<StorageUnavailableException>(tried);
        Assert.True(account.Breaker.IsOpen); // the failed try opened it again
    }
}
