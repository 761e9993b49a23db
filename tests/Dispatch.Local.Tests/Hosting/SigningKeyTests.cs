using System.Net;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dispatch.Local.Tests.Hosting;

/// <summary>The signing key both hosts read (Dispatch:SigningKey, with Dispatch:PreviousSigningKey and
/// Dispatch:PreviousKeyValidUntil during a rotation): checked on start, refused with a message naming the fix.</summary>
[Collection(AzuriteCollection.Name)]
public class SigningKeyTests(AzuriteFixture azurite)
{
    private static readonly string OldKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

    [Theory]
    [InlineData("c2hvcnQ=", null, null, "Dispatch:SigningKey holds 5 bytes; at least 32")]
    [InlineData("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZQ==", null, null, "Dispatch:SigningKey holds 31 bytes")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-x;SecretName=token-signing-key)", null, null, "Dispatch:SigningKey is an unresolved Key Vault reference")]
    [InlineData("test-signing-key-0123456789", null, null, "Dispatch:SigningKey is not base64")]
    [InlineData(DemoSigningKey.Value, null, null, "Dispatch:SigningKey is the public demo key")]
    [InlineData(LocalHostFixture.SigningKey, "@Microsoft.KeyVault(VaultName=kv-x;SecretName=token-signing-key;SecretVersion=abc)", "2027-01-01T00:00:00+08:00", "Dispatch:PreviousSigningKey is an unresolved Key Vault reference")]
    [InlineData(LocalHostFixture.SigningKey, LocalHostFixture.SigningKey, null, "Dispatch:PreviousSigningKey is set without Dispatch:PreviousKeyValidUntil")]
    [InlineData(LocalHostFixture.SigningKey, null, "2027-01-01T00:00:00+08:00", "Dispatch:PreviousKeyValidUntil is set but Dispatch:PreviousSigningKey is not")]
    public void Keys_a_host_must_not_start_with_are_refused_by_name(string key, string? previous, string? until, string message)
    {
        var e = Assert.Throws<OptionsValidationException>(() => Options(key, previous, until, allowDemoKey: false));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_demo_may_use_the_demo_key_and_gets_it_when_no_key_is_set()
    {
        Assert.Equal(DemoSigningKey.Value, Options(null, null, null, allowDemoKey: true).SigningKey);
        Assert.Equal(DemoSigningKey.Value, Options(DemoSigningKey.Value, null, null, allowDemoKey: true).SigningKey);
        Assert.Equal(LocalHostFixture.SigningKey, Options(LocalHostFixture.SigningKey, null, null, allowDemoKey: true).SigningKey);
    }

    [Fact]
    public async Task After_a_rotation_links_signed_with_the_old_key_open_until_the_grace_period_ends()
    {
        var graceEnds = LocalHostFixture.Monday10.AddDays(7);
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: new Dictionary<string, string?>
        {
            ["Dispatch:PreviousSigningKey"] = OldKey,
            ["Dispatch:PreviousKeyValidUntil"] = graceEnds.ToString("O"),
        });
        var handedOut = new TokenSigner(Convert.FromBase64String(OldKey))
            .Sign(new AccessToken(TokenRole.Member, "m001", LocalHostFixture.CommunityId, graceEnds.AddDays(60)));
        var fresh = host.MemberToken("m001");

        using (var before = await host.SendAsync(HttpMethod.Get, Routes.Inbox, handedOut))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        host.Clock.SetUtcNow(graceEnds);
        using (var after = await host.SendAsync(HttpMethod.Get, Routes.Inbox, handedOut))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        using var current = await host.SendAsync(HttpMethod.Get, Routes.Inbox, fresh);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode); // new links were signed with the current key
    }

    private static SigningKeyOptions Options(string? key, string? previous, string? until, bool allowDemoKey)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dispatch:SigningKey"] = key,
            ["Dispatch:PreviousSigningKey"] = previous,
            ["Dispatch:PreviousKeyValidUntil"] = until,
        }).Build();
        using var services = new ServiceCollection().AddSigningKey(configuration, allowDemoKey).BuildServiceProvider();
        return services.GetRequiredService<IOptions<SigningKeyOptions>>().Value;
    }
}
