namespace Dispatch.Core.Time;

/// <summary>China Standard Time is UTC+8 all year (no daylight saving), so a fixed offset is exact
/// and needs no time-zone database on the machine.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    public static int YearOf(DateTimeOffset instant) => ToChina(instant).Year;

    /// <summary>Midnight at the start of the given China date, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);
}
