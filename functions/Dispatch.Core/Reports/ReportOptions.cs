namespace Dispatch.Core.Reports;

/// <summary>What one export row stands for: a member, a grid, or the whole community.</summary>
public enum ReportLevel
{
    Member,
    Grid,
    Community,
}

/// <summary>The language of headers, yes/no words and file names. Chinese unless asked otherwise.</summary>
public enum ReportLanguage
{
    Zh,
    En,
}

/// <summary>Reads the <c>level</c> and <c>lang</c> query values (case-insensitive); null when unknown.</summary>
public static class ReportOptions
{
    public static ReportLevel? ParseLevel(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "member" => ReportLevel.Member,
        "grid" => ReportLevel.Grid,
        "community" => ReportLevel.Community,
        _ => null,
    };

    public static ReportLanguage? ParseLanguage(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "zh" or "zh-cn" => ReportLanguage.Zh,
        "en" => ReportLanguage.En,
        _ => null,
    };
}

/// <summary>A place's name in both languages.</summary>
public sealed record PlaceName(string Zh, string En)
{
    public string In(ReportLanguage language) => language == ReportLanguage.En ? (string.IsNullOrEmpty(En) ? Zh : En) : (string.IsNullOrEmpty(Zh) ? En : Zh);
}

/// <summary>The names an export shows instead of ids. Members are names only: a roster's phones never
/// reach a report. Unknown ids are shown as they are.</summary>
public sealed record ReportNames(
    PlaceName Community,
    IReadOnlyDictionary<string, PlaceName> Grids,
    IReadOnlyDictionary<string, PlaceName> Buildings,
    IReadOnlyDictionary<string, string> Members)
{
    public string Grid(string? id, ReportLanguage language) => id is null ? "" : Grids.TryGetValue(id, out var n) ? n.In(language) : id;

    public string Building(string? id, ReportLanguage language) => id is null ? "" : Buildings.TryGetValue(id, out var n) ? n.In(language) : id;

    public string Member(string id) => Members.TryGetValue(id, out var n) && !string.IsNullOrWhiteSpace(n) ? n : id;
}
