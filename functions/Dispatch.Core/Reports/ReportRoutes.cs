namespace Dispatch.Core.Reports;

/// <summary>Routes of the reports: exports, the monthly trend and service-hours proofs.</summary>
public static class ReportRoutes
{
    /// <summary>GET (organizer) <c>?year=&amp;level=member|grid|community&amp;lang=zh|en</c>: CSV, UTF-8 with BOM.</summary>
    public const string TalliesCsv = "/api/exports/tallies.csv";

    /// <summary>GET (organizer), same query: an XLSX workbook with one sheet.</summary>
    public const string TalliesXlsx = "/api/exports/tallies.xlsx";

    /// <summary>GET (organizer) <c>?year=</c>: the community's hours, services and wishes per China month.</summary>
    public const string Months = "/api/tallies/months";

    /// <summary>POST (member) <c>{year}</c>: issue a service-hours proof of the member's year.</summary>
    public const string MyProofs = "/api/members/me/proofs";

    /// <summary>GET (member): one of the member's own proofs, as printed.</summary>
    public const string MyProof = "/api/members/me/proofs/{number}";

    /// <summary>GET (anyone): verify a proof by its number.</summary>
    public const string Proof = "/api/proofs/{number}";

    public static string ProofOf(string number) => "/api/proofs/" + Uri.EscapeDataString(number);

    public static string MyProofOf(string number) => "/api/members/me/proofs/" + Uri.EscapeDataString(number);

    public static string VerifyPage(string number) => "/verify.html?n=" + Uri.EscapeDataString(number);

    public static string ProofPage(string number, string token) => $"/proof.html?n={Uri.EscapeDataString(number)}&t={Uri.EscapeDataString(token)}";
}
