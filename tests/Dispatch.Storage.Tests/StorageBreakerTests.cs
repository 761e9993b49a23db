using System.Net;
using System.Net.Sockets;
using Dispatch.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Storage.Tests;

/// <summary>The account's circuit breaker against a storage endpoint that drops every connection: bounded retries,
/// then every table and queue call refused at once until the open period has passed on the account's clock. Attempts
/// are counted at the endpoint, not timed, so a busy machine cannot fail it.</summary>
public sealed class StorageBreakerTests
{
    private static StorageAccount Unreachable(FakeTimeProvider clock, int tablePort)
    {
        var queuePort = LoopbackPorts.Free(1)[0]; // free, so nothing listens: connections are refused
        return new StorageAccount(new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};"
                + $"TableEndpoint=http://127.0.0.1:{tablePort}/{AzuriteFixture.AccountName};"
                + $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AzuriteFixture.AccountName};",
        }, clock);
    }

    [Fact]
    public async Task After_three_failed_requests_the_breaker_refuses_at_once_and_tries_again_after_its_open_period()
    {
        using var endpoint = new DroppingEndpoint();
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var account = Unreachable(clock, endpoint.Port);
        var table = account.Table(TableNames.Orders);
        for (var i = 0; i < account.Options.BreakerFailures; i++)
        {
            var before = endpoint.Connections;
            var failure = await Record.ExceptionAsync(() => table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r"));
            Assert.True(TransientFailures.IsTransient(failure!), failure!.ToString());
            Assert.IsNotType<StorageUnavailableException>(failure);
            // One try and the configured retries, no more.
            Assert.InRange(endpoint.Connections - before, 1, 1 + account.Options.MaxRetries);
        }

        var whileOpen = endpoint.Connections;

        Assert.True(account.Breaker.IsOpen);
        var open = await Assert.ThrowsAsync<StorageUnavailableException>(() => table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r"));
        Assert.Equal(account.Options.BreakerOpenFor, open.RetryAfter);
        Assert.True(TransientFailures.IsTransient(open));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => account.Queue(account.AssignmentQueueName).PeekMessagesAsync());
        Assert.Equal(whileOpen, endpoint.Connections); // refused without touching the network

        clock.Advance(account.Options.BreakerOpenFor);
        Assert.False(account.Breaker.IsOpen);
        var tried = await Record.ExceptionAsync(() => table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r"));
        Assert.IsNotType<StorageUnavailableException>(tried);
        Assert.True(account.Breaker.IsOpen); // the failed try opened it again
    }

    /// <summary>A loopback endpoint that accepts each connection and resets it at once, counting them.</summary>
    private sealed class DroppingEndpoint : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private int _connections;

        public DroppingEndpoint()
        {
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                    client.LingerState = new LingerOption(true, 0); // reset, not a graceful close
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
