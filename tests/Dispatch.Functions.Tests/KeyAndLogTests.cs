using Dispatch.App.SignedLinks;
using Dispatch.Core.Orders;
using Dispatch.Functions.Hosting;
using Dispatch.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>The Azure host reads the same signing-key settings as the local host and refuses the same bad keys;
/// its logs (Application Insights, in Azure) carry ids, never a link, token or key. Every test's host is also
/// checked when it is disposed (<see cref="AzureHost.DisposeAsync"/>).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class KeyAndLogTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_whole_cycle_logs_ids_and_no_link_token_or_key()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var (orderId, resident) = await host.PlaceAsync();
        await host.WaitForAsync(orderId, s => s.Status == OrderStatus.Offered);
        var member = host.MemberToken("m1");
        Assert.Equal(200, Read(await host.Orders.AcceptAsync(Request("POST", $"/api/orders/{orderId}/accept", token: member), orderId, host.Client, default)).Status);
        Assert.Equal(200, Read(await host.Orders.HoursAsync(Request("POST", $"/api/orders/{orderId}/hours", new { hours = 1.5m }, member), orderId, host.Client, default)).Status);
        Assert.Equal(200, Read(await host.Orders.ConfirmAsync(Request("POST", $"/api/orders/{orderId}/confirm", new { rating = 5 }, resident), orderId, host.Client, default)).Status);
        await host.Client.WaitForInstanceCompletionAsync(orderId);

        var logs = host.Logs.Lines;
        Assert.Contains(logs, l => l.Contains($"Offer of order {orderId} to member m1", StringComparison.Ordinal));
        Assert.Empty(LogAudit.Leaks(logs, SigningKey));
        Assert.Single(LogAudit.Leaks([$"Offer: {host.Links.Offer(orderId, "m1", DateTimeOffset.UnixEpoch.AddYears(60))}"])); // the audit knows a real link
        Assert.Single(LogAudit.Leaks([$"Resident token {resident}"]));
    }

    [Theory]
    [InlineData(null, "Dispatch:SigningKey is not set")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-x;SecretName=token-signing-key)", "Dispatch:SigningKey is an unresolved Key Vault reference")]
    [InlineData("dGVzdC1zaWduaW5nLWtleS0wMTIzNDU2Nzg5", "Dispatch:SigningKey holds 27 bytes; at least 32")]
    [InlineData(DemoSigningKey.Value, "Dispatch:SigningKey is the public demo key")]
    public void Outside_development_the_app_refuses_a_missing_short_unresolved_or_demo_key(string? key, string message)
    {
        var e = Assert.Throws<OptionsValidationException>(() => KeyOptions(key, development: false));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_development_the_app_signs_with_the_demo_key_when_none_is_set() =>
        Assert.Equal(DemoSigningKey.Value, KeyOptions(null, development: true).SigningKey);

    private static SigningKeyOptions KeyOptions(string? key, bool development)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Dispatch:SigningKey"] = key }).Build();
        using var services = new ServiceCollection().AddLogging().AddDispatchFunctions(configuration, allowDemoKey: development).BuildServiceProvider();
        return services.GetRequiredService<IOptions<SigningKeyOptions>>().Value;
    }
}
