namespace Dispatch.Core.Api;

/// <summary>The range of every year a request names (route, query or body): nothing before the service
/// existed and nothing absurd reaches the store or the freeze job.</summary>
public static class Years
{
    public const int Min = 2000;
    public const int Max = 2100;

    public const string Message = "年份须在 2000–2100 之间。 A year from 2000 to 2100.";

    public static bool IsValid(int year) => year is >= Min and <= Max;

    /// <summary>A <c>?year=</c> value: <paramref name="current"/> when absent, else a number in range.</summary>
    /// <exception cref="ApiProblemException">A validation problem naming <paramref name="field"/>.</exception>
    public static int FromQuery(string? raw, int current, string field = "year") =>
        string.IsNullOrEmpty(raw) ? current
        : int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? Require(year, field)
        : throw Invalid(field);

    /// <exception cref="ApiProblemException">A validation problem naming <paramref name="field"/>.</exception>
    public static int Require(int year, string field = "year") =>
        IsValid(year) ? year : throw Invalid(field);

    private static ApiProblemException Invalid(string field) =>
        new(ApiProblem.Validation(new Dictionary<string, string[]> { [field] = [Message] }));
}
