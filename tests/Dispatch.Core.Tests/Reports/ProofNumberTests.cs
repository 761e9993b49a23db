using System.Security.Cryptography;
using Dispatch.Core.Reports;

namespace Dispatch.Core.Tests.Reports;

public class ProofNumberTests
{
    [Fact]
    public void A_number_is_the_year_and_ten_crockford_characters_from_the_random_bytes()
    {
        Assert.Equal("ZM-2026-0000000000", ProofNumber.From(2026, new byte[7]));
        var number = ProofNumber.From(2026, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        Assert.Equal("ZM-2026-ZZZZZZZZZZ", number);
        Assert.Throws<ArgumentOutOfRangeException>(() => ProofNumber.From(2026, new byte[6]));
    }

    [Fact]
    public void Random_numbers_are_well_formed_and_do_not_repeat()
    {
        var numbers = Enumerable.Range(0, 5000).Select(_ => ProofNumber.From(2026, RandomNumberGenerator.GetBytes(ProofNumber.RandomBytes))).ToList();
        Assert.All(numbers, n => Assert.Equal(n, ProofNumber.Normalize(n)));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.DoesNotMatch("[ILOU]", n[8..]));
    }

    [Theory]
    [InlineData(" zm-2026-7k3qx9m2bd ", "ZM-2026-7K3QX9M2BD")]
    [InlineData("ZM-2026-7K3QX9M2BO", "ZM-2026-7K3QX9M2B0")]
    [InlineData("ZM-2026-1L1I000000", "ZM-2026-1111000000")]
    [InlineData("ZM-2026-7K3QX9M2B", null)]
    [InlineData("ZM-2026-7K3QX9M2BU", null)]
    [InlineData("XX-2026-7K3QX9M2BD", null)]
    [InlineData("ZM-20a6-7K3QX9M2BD", null)]
    [InlineData("../../etc/passwd", null)]
    [InlineData(null, null)]
    public void Typed_numbers_are_read_leniently_and_junk_is_refused(string? typed, string? expected) =>
        Assert.Equal(expected, ProofNumber.Normalize(typed));

    [Fact]
    public void The_public_view_shows_only_name_community_year_hours_and_issue_time()
    {
        var proof = new ServiceProof("ZM-2026-7K3QX9M2BD", "hubin", "m001", "张伟", new PlaceName("湖滨社区", "Hubin Community"),
            new PlaceName("第一网格", "Grid 1"), 2026, 15, 4, new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)));
        var view = ProofVerification.Of(proof);
        Assert.Equal(new ProofVerification("ZM-2026-7K3QX9M2BD", true, "张伟", "湖滨社区", "Hubin Community", 2026, 7.5m, proof.IssuedAt), view);
        var json = System.Text.Json.JsonSerializer.Serialize(view, CoreJson.Options);
        Assert.DoesNotContain("m001", json, StringComparison.Ordinal);
        Assert.DoesNotContain("hubin\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("第一网格", json, StringComparison.Ordinal);
    }
}
