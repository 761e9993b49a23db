using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Dispatch.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Storage.Tests;

/// <summary>The account's circuit breaker against a storage endpoint that drops every connection: bounded retries,
/// then every table and queue call refused at once until the open period has passed on the account's clock. Tries are
/// counted as the HTTP requests the client made to the endpoint (the <c>System.Net.Http</c> meter), not timed and not as
/// connections (the handler may open a second connection within one request), so a busy machine cannot fail it.</summary>
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
            var before = endpoint.Requests;
            var failure = await Record.ExceptionAsync(() => table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r"));
            Assert.True(TransientFailures.IsTransient(failure!), failure!.ToString());
            Assert.IsNotType<StorageUnavailableException>(failure);
            // One try and the configured retries, no more.
            Assert.InRange(endpoint.Requests - before, 1, 1 + account.Options.MaxRetries);
        }

        var whileOpen = (endpoint.Requests, endpoint.Connections);

        Assert.True(account.Breaker.IsOpen);
        var open = await Assert.ThrowsAsync<StorageUnavailableException>(() => table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r"));
        Assert.Equal(account.Options.BreakerOpenFor, open.RetryAfter);
        Assert.True(TransientFailures.IsTransient(open));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => account.Queue(account.AssignmentQueueName).PeekMessagesAsync());
        Assert.Equal(whileOpen, (endpoint.Requests, endpoint.Connections)); // refused without touching the network

        clock.Advance(account.Options.BreakerOpenFor);
        Assert.False(account.Breaker.IsOpen);
        var tried = await Record.ExceptionAsync(() => table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r"));
        Assert.IsNotType<StorageUnavailableException>(tried);
        Assert.True(account.Breaker.IsOpen); // the failed try opened it again
    }

    /// <summary>A loopback endpoint that accepts each connection and resets it at once, counting them, and the HTTP
    /// requests this process sent to it.</summary>
    private sealed class DroppingEndpoint : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly MeterListener _meter = new();
        private int _connections;
        private int _requests;

        public DroppingEndpoint()
        {
            _listener.Start();
            _ = Task.Run(AcceptAsync);
            var port = Port;
            _meter.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meter.SetMeasurementEventCallback<double>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "server.port" && Equals(tag.Value, port))
                    {
                        Interlocked.Increment(ref _requests);
                    }
                }
            });
            _meter.Start();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public int Requests => Volatile.Read(ref _requests);

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
            _meter.Dispose();
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
