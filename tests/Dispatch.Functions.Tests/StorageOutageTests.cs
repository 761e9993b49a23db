using System.Diagnostics;
using Dispatch.Core.Api;
using Dispatch.Testing;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>The HTTP functions while storage is down: 503 storage-unavailable with Retry-After, fast, and
/// answers again once storage is back, in the same process.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageOutageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task With_storage_down_an_HTTP_function_answers_503_with_Retry_After_fast_and_recovers()
    {
        Assert.False(azurite.IsExternal, "This test stops and starts its own Azurite.");
        // A short open period on the real clock, so recovery can be waited for.
        await using var host = await StartAsync(azurite, SlowPolicy, settings: new Dictionary<string, string?> { ["Storage:BreakerOpenFor"] = "00:00:01" });
        Assert.Equal(200, Read(await host.Organizer.CommunitiesAsync(Request("GET", Routes.Communities), default)).Status);

        await azurite.StopAsync(graceful: true);
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var request = Request("GET", Routes.Communities);
                var watch = Stopwatch.StartNew();
                var (status, body, contentType) = Read(await host.Organizer.CommunitiesAsync(request, default));
                watch.Stop();
                Assert.Equal(503, status);
                Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
                Assert.Equal("https://dispatch.example/problems/storage-unavailable", body.GetProperty("type").GetString());
                Assert.True(int.TryParse(request.HttpContext.Response.Headers.RetryAfter, out var seconds) && seconds >= 1);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"503 took {watch.ElapsedMilliseconds} ms");
            }
        }
        finally
        {
            await azurite.RestartAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the breaker's open period above
        Assert.Equal(200, Read(await host.Organizer.CommunitiesAsync(Request("GET", Routes.Communities), default)).Status);
    }
}
