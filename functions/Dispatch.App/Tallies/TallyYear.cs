using Dispatch.Core.Api;
using Dispatch.Core.Time;

namespace Dispatch.App.Tallies;

/// <summary>The <c>?year=</c> of tallies, exports and the monthly trend: this China year when absent, otherwise
/// 2000 to next year (a year just begun may already hold planned posts).</summary>
public static class TallyYear
{
    /// <exception cref="ApiProblemException">A validation problem naming "year".</exception>
    public static int Of(int? year, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var y = Of(year, clock, errors);
        return errors.Count == 0 ? y : throw new ApiProblemException(ApiProblem.Validation(errors));
    }

    /// <summary>Adds a "year" error to <paramref name="errors"/> instead of throwing, so a request's other bad
    /// options are named in the same answer.</summary>
    public static int Of(int? year, TimeProvider clock, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(errors);
        var current = ChinaTime.YearOf(clock.GetUtcNow());
        if (year is null)
        {
            return current;
        }

        if (year < 2000 || year > current + 1)
        {
            errors["year"] = [$"A year from 2000 to {current + 1}."];
        }

        return year.Value;
    }
}
