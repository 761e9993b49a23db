using System.Globalization;

namespace Dispatch.Core.Api;

/// <summary>Checks the values bound from a route template ({orderId}, {postId}, {id}, {year}…) before an
/// endpoint runs, so both hosts refuse a malformed one with 400 and never pass it to the store.</summary>
public static class RouteValues
{
    /// <exception cref="ApiProblemException">A validation problem naming every bad route value.</exception>
    public static void Check(IEnumerable<KeyValuePair<string, string?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in values)
        {
            if (name == "year")
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !Years.IsValid(year))
                {
                    errors[name] = [Years.Message];
                }
            }
            else
            {
                Ids.Check(value, name, errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new ApiProblemException(ApiProblem.Validation(errors));
        }
    }
}
