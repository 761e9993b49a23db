using System.Globalization;

namespace Dispatch.Core.Hours;

/// <summary>Hours reported for one service: 0.5 to 12 in half-hour steps. Kept as whole half-hours so
/// sums are exact.</summary>
public readonly record struct ServiceHours : IComparable<ServiceHours>
{
    public const int MinHalfHours = 1;
    public const int MaxHalfHours = 24;

    private ServiceHours(int halfHours) => HalfHours = halfHours;

    public int HalfHours { get; }

    public decimal Value => HalfHours / 2m;

    /// <summary>Validates a reported figure.</summary>
    /// <exception cref="HoursOutOfRangeException">Not a half-hour step between 0.5 and 12.</exception>
    public static ServiceHours FromHours(decimal hours)
    {
        var doubled = hours * 2;
        if (doubled != decimal.Truncate(doubled) || doubled < MinHalfHours || doubled > MaxHalfHours)
        {
            throw new HoursOutOfRangeException(hours);
        }

        return new ServiceHours((int)doubled);
    }

    public static ServiceHours FromHalfHours(int halfHours) => FromHours(halfHours / 2m);

    public int CompareTo(ServiceHours other) => HalfHours.CompareTo(other.HalfHours);

    public override string ToString() => Value.ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>Reported hours must be 0.5–12 in half-hour steps.</summary>
public sealed class HoursOutOfRangeException(decimal hours)
    : ArgumentOutOfRangeException(nameof(hours), hours, "Hours must be between 0.5 and 12 in steps of 0.5.")
{
    public decimal Hours { get; } = hours;
}
