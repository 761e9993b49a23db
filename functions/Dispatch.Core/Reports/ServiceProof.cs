using System.Globalization;
using System.Text.RegularExpressions;

namespace Dispatch.Core.Reports;

/// <summary>A service-hours proof (服务时长证明), immutable once issued: a snapshot of the member's year at
/// <see cref="IssuedAt"/> under an unguessable <see cref="Number"/>, which is its only key. Holds no
/// phone. <see cref="SnapshotId"/> names the frozen assessment year it was taken from, if any.</summary>
public sealed record ServiceProof(
    string Number,
    string CommunityId,
    string MemberId,
    string MemberName,
    PlaceName Community,
    PlaceName? Grid,
    int Year,
    int HalfHours,
    int Services,
    DateTimeOffset IssuedAt,
    string? SnapshotId = null)
{
    public decimal Hours => HalfHours / 2m;
}

/// <summary>What anyone holding the number may see: that it is genuine, whose, where, which year, how
/// many hours and when it was issued. Nothing else (no phone, no member or community id).</summary>
public sealed record ProofVerification(
    string Number,
    bool Valid,
    string MemberName,
    string CommunityNameZh,
    string CommunityNameEn,
    int Year,
    decimal Hours,
    DateTimeOffset IssuedAt)
{
    public static ProofVerification Of(ServiceProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return new(proof.Number, true, proof.MemberName, proof.Community.Zh, proof.Community.En, proof.Year, proof.Hours, proof.IssuedAt);
    }
}

/// <summary>The printable proof as its member sees it, with where anyone can check it: the verification page's
/// address and the same address as a QR code (SVG) to print beside it.</summary>
public sealed record MemberProofView(
    string Number,
    string MemberName,
    string CommunityNameZh,
    string CommunityNameEn,
    string? GridNameZh,
    string? GridNameEn,
    int Year,
    decimal Hours,
    int Services,
    DateTimeOffset IssuedAt,
    bool FromAssessment,
    string VerifyUrl,
    string VerifyQrSvg)
{
    public static MemberProofView Of(ServiceProof proof, string verifyUrl, string verifyQrSvg)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return new(proof.Number, proof.MemberName, proof.Community.Zh, proof.Community.En, proof.Grid?.Zh, proof.Grid?.En,
            proof.Year, proof.Hours, proof.Services, proof.IssuedAt, proof.SnapshotId is not null, verifyUrl, verifyQrSvg);
    }
}

/// <summary>A member asks for a proof of a year (this year when empty).</summary>
public sealed record IssueProofRequest(int? Year);

/// <summary>Proof numbers: "ZM-{year}-" and 10 Crockford base-32 characters (50 random bits, no I, L, O
/// or U), e.g. ZM-2026-7K3QX9M2BD. The random part makes numbers unguessable and unrelated to members,
/// so nobody can list proofs by counting.</summary>
public static partial class ProofNumber
{
    public const string Prefix = "ZM";
    public const int RandomChars = 10;
    public const int RandomBytes = 7;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The number from <see cref="RandomBytes"/> random bytes (the host draws them from a
    /// cryptographic generator).</summary>
    public static string From(int year, ReadOnlySpan<byte> random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(random.Length, RandomBytes, nameof(random));
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ulong bits = 0;
        for (var i = 0; i < RandomBytes; i++)
        {
            bits = (bits << 8) | random[i];
        }

        Span<char> chars = stackalloc char[RandomChars];
        for (var i = 0; i < RandomChars; i++)
        {
            chars[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year:D4}-{new string(chars)}");
    }

    /// <summary>A typed or pasted number in canonical form (trimmed, upper case, O read as 0 and I/L as 1
    /// in the random part), or null if it cannot be a proof number: unknown without a lookup.</summary>
    public static string? Normalize(string? input)
    {
        var text = (input ?? "").Trim().ToUpperInvariant();
        if (text.Length != Prefix.Length + 6 + RandomChars || !text.StartsWith(Prefix + "-", StringComparison.Ordinal))
        {
            return null;
        }

        var head = text[..(Prefix.Length + 6)];
        var tail = text[(Prefix.Length + 6)..].Replace('O', '0').Replace('I', '1').Replace('L', '1');
        var number = head + tail;
        return Shape().IsMatch(number) ? number : null;
    }

    [GeneratedRegex("^ZM-[0-9]{4}-[0-9A-HJKMNP-TV-Z]{10}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
