using Dispatch.Core.Reports;
using Dispatch.Testing;

namespace Dispatch.Storage.Tests.Proofs;

public sealed class ProofStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static ServiceProof Proof(string number, int halfHours = 15) => new(
        number, "c1", "m1", "张伟", new PlaceName("湖滨社区", "Hubin Community"), new PlaceName("第一网格", "Grid 1"),
        2026, halfHours, 4, Sample.T0, "snap-1");

    [Fact]
    public async Task A_proof_is_added_once_read_back_whole_and_never_overwritten()
    {
        var store = new ProofStore(Account);
        var proof = Proof("ZM-2026-7K3QX9M2BD");
        Assert.True(await store.AddAsync(proof));
        Assert.False(await store.AddAsync(Proof("ZM-2026-7K3QX9M2BD", halfHours: 999)));
        Assert.Equal(proof, await store.GetAsync("ZM-2026-7K3QX9M2BD"));
        Assert.Null(await store.GetAsync("ZM-2026-0000000000"));
    }
}
