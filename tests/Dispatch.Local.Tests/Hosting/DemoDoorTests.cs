using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Local.Tests.Hosting;

/// <summary>Demo seeding, /api/demo/links and the public demo key exist only in a demo: in Development, or with
/// Dispatch:Demo=true. A production start without a key of its own refuses to start and says why.</summary>
[Collection(AzuriteCollection.Name)]
public class DemoDoorTests(AzuriteFixture azurite)
{
    private const string DemoLinks = "/api/demo/links";

    private static readonly Dictionary<string, string?> NoKeyNoSwitch = new()
    {
        ["Dispatch:SigningKey"] = null,
        ["Dispatch:Demo"] = null,
    };

    [Fact]
    public async Task A_production_start_without_a_key_refuses_and_says_how_to_make_one()
    {
        var message = await StartFailureAsync(NoKeyNoSwitch);
        Assert.Contains("Dispatch:SigningKey is not set", message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_start_with_the_demo_key_refuses()
    {
        var message = await StartFailureAsync(new Dictionary<string, string?>(NoKeyNoSwitch) { ["Dispatch:SigningKey"] = DemoSigningKey.Value });
        Assert.Contains("Dispatch:SigningKey is the public demo key", message, StringComparison.Ordinal);
        Assert.Contains("Dispatch:Demo=true", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_demo_switch_off_there_are_no_demo_links_and_nothing_is_seeded()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: new Dictionary<string, string?> { ["Dispatch:Demo"] = "false" });

        using var links = await host.Http.GetAsync(DemoLinks);
        Assert.Equal(HttpStatusCode.NotFound, links.StatusCode);
        Assert.Equal("application/problem+json", links.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await host.Http.GetFromJsonAsync<JsonElement>(Routes.Communities)).GetArrayLength());
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("Demo community", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_development_the_demo_runs_without_a_key_and_its_links_open_the_inbox()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: NoKeyNoSwitch, environment: "Development");

        var links = await host.Http.GetFromJsonAsync<JsonElement>(DemoLinks);
        var inbox = new Uri(links.GetProperty("members")[0].GetProperty("url").GetString()!);
        var token = Uri.UnescapeDataString(inbox.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("t=", StringComparison.Ordinal))[2..]);
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Inbox);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await host.Http.GetFromJsonAsync<JsonElement>(Routes.Communities)).GetArrayLength() > 0);
        Assert.Contains(host.Logs.Lines, l => l.Contains("http://127.0.0.1" + DemoLinks, StringComparison.Ordinal)); // where to get links
    }

    private async Task<string> StartFailureAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var logs = new CapturedLogs();
        var app = LocalHostFixture.Build(azurite, AzuriteFixture.NewPrefix(), new FakeTimeProvider(LocalHostFixture.Monday10), logs, "Production", settings);
        try
        {
            return (await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync())).Message;
        }
        finally
        {
            await app.DisposeAsync();
            LogAudit.ThrowIfLeaks(logs.Lines, DemoSigningKey.Value);
        }
    }
}
