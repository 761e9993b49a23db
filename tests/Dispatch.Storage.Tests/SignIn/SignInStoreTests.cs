using Dispatch.Core.SignIn;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests.SignIn;

/// <summary>The sign-in table on Azurite: a code and a send log are read back as written, and a write based on a
/// stale read loses, so two racing requests cannot both use a code or both pass a limit.</summary>
public sealed class SignInStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string Phone = "13800000001";

    [Fact]
    public async Task A_code_is_read_back_and_only_one_of_two_racing_uses_wins()
    {
        var store = new SignInStore(Account);
        Assert.Null(await store.GetCodeAsync(Phone));
        var code = new SignInCode("abc123", Sample.T0);
        await store.PutCodeAsync(Phone, code);

        var read = (await store.GetCodeAsync(Phone))!;
        Assert.Equal(code, read.Code);
        Assert.True(await store.TryReplaceCodeAsync(Phone, CodeRules.Use(read.Code), read.ETag));
        Assert.False(await store.TryReplaceCodeAsync(Phone, CodeRules.Use(read.Code), read.ETag));
        Assert.True((await store.GetCodeAsync(Phone))!.Code.Used);
    }

    [Fact]
    public async Task Send_logs_per_phone_and_per_address_are_kept_apart_and_a_stale_write_loses()
    {
        var store = new SignInStore(Account);
        var address = SignInStore.AddressKey("203.0.113.7");
        Assert.True(await store.TryWriteSendsAsync(Phone, [Sample.T0], null));
        Assert.False(await store.TryWriteSendsAsync(Phone, [Sample.T0], null)); // a second first send
        Assert.True(await store.TryWriteSendsAsync(address, [Sample.T0, Sample.T0.AddSeconds(1)], null));

        var log = await store.GetSendsAsync(Phone);
        Assert.Equal([Sample.T0], log.SentAt);
        Assert.Equal(2, (await store.GetSendsAsync(address)).SentAt.Count);
        Assert.True(await store.TryWriteSendsAsync(Phone, [Sample.T0, Sample.T0.AddMinutes(1)], log.ETag));
        Assert.False(await store.TryWriteSendsAsync(Phone, [Sample.T0, Sample.T0.AddMinutes(2)], log.ETag));
        Assert.DoesNotContain("203.0.113.7", address, StringComparison.Ordinal);
    }
}
