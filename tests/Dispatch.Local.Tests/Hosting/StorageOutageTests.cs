using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Core.Api;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Dispatch.Local.Tests.Hosting;

/// <summary>Storage goes down under a running host: requests answer 503 storage-unavailable with Retry-After,
/// fast, and succeed again once it is back, without restarting the host.</summary>
[Collection(AzuriteCollection.Name)]
public class StorageOutageTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    /// <summary>The bound, generous on purpose: the SDK's defaults took 5–6 s to give up.</summary>
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task With_storage_down_requests_answer_503_with_Retry_After_fast_and_recover_without_a_restart()
    {
        Assert.False(azurite.IsExternal, "This test stops and starts its own Azurite.");
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var before = await host.PlaceAsync();

        await azurite.StopAsync(graceful: true);
        try
        {
            // Enough requests to open the breaker: the first ones try storage (retries bounded), the later
            // ones are refused by the open breaker without trying.
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await host.Http.PostAsJsonAsync(Routes.Orders, LocalHostFixture.Form());
                watch.Stop();
                output.WriteLine($"request {i + 1} during the outage: {(int)response.StatusCode} after {watch.ElapsedMilliseconds} ms");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("https://dispatch.example/problems/storage-unavailable", problem.GetProperty("type").GetString());
                Assert.Equal(503, problem.GetProperty("status").GetInt32());
                var retryAfter = response.Headers.RetryAfter?.Delta;
                Assert.NotNull(retryAfter);
                Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
                Assert.True(watch.Elapsed < Fast, $"503 took {watch.ElapsedMilliseconds} ms");
            }

            Assert.True(host.Services.GetRequiredService<StorageAccount>().Breaker.IsOpen);
            using var read = await host.SendAsync(HttpMethod.Get, Routes.OrganizerOrders, host.OrganizerToken());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        }
        finally
        {
            await azurite.RestartAsync();
        }

        // The breaker lets a trial through once its open period is over (on the host's clock).
        host.Clock.Advance(host.Services.GetRequiredService<StorageAccount>().Options.BreakerOpenFor);
        var after = await host.PlaceAsync();
        var open = (await host.OpenOrdersAsync()).Select(o => o.OrderId).Order();
        Assert.Equal(new[] { before.OrderId, after.OrderId }.Order(), open);
    }
}
