using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Core;
using Dispatch.Core.Api;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.SignIn;

/// <summary>What passkeys refuse (the whole ceremony runs in Chromium: Browser/PasskeyPageTests): adding one needs a
/// session of a person who signs in, and an answer must come with the sealed ceremony it answers, in time.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PasskeyTests(AzuriteFixture azurite)
{
    private static readonly JsonElement NoCredential = JsonDocument.Parse("{}").RootElement;

    [Fact]
    public async Task Adding_a_passkey_needs_a_session_and_a_residents_link_is_not_one()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var anonymous = await host.Http.PostAsJsonAsync(PasskeyRoutes.RegisterOptions, new { });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var order = await host.PlaceAsync();
        using var resident = await host.SendAsync(HttpMethod.Post, PasskeyRoutes.RegisterOptions, order.Token);
        Assert.Equal(HttpStatusCode.Forbidden, resident.StatusCode);

        using var client = new SignInClient(host);
        using var signedIn = await client.SignInAsync("13800000001");
        using var options = await client.SendAsync(HttpMethod.Post, PasskeyRoutes.RegisterOptions);
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        var body = (await options.Content.ReadFromJsonAsync<PasskeyOptions>(CoreJson.Options))!;
        Assert.Equal("127.0.0.1", body.Options.GetProperty("rp").GetProperty("id").GetString()); // the public base URL's host
    }

    [Fact]
    public async Task A_forged_or_stale_passkey_ceremony_is_refused()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var options = await host.Http.PostAsJsonAsync(PasskeyRoutes.SignInOptions, new { });
        var ceremony = (await options.Content.ReadFromJsonAsync<PasskeyOptions>(CoreJson.Options))!.CeremonyId;

        using var forged = await host.Http.PostAsJsonAsync(PasskeyRoutes.SignIn, new PasskeyAnswer(ceremony[..^2] + "AA", NoCredential));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("passkey-expired", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        using var stale = await host.Http.PostAsJsonAsync(PasskeyRoutes.SignIn, new PasskeyAnswer(ceremony, NoCredential));
        Assert.Contains("passkey-expired", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
