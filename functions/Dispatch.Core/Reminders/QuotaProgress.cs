using System.Globalization;
using Dispatch.Core.Matching;

namespace Dispatch.Core.Reminders;

/// <summary>What a quota nudge tells a member: wishes and posts claimed this year (out of
/// <see cref="Quota.WishesPerYear"/> and <see cref="Quota.PostsPerYear"/>) and open wishes of their grid to
/// claim. Views carry it as is; the notices table keeps it as <see cref="Text"/> (ids only), read back by
/// <see cref="Parse"/> alone.</summary>
public sealed record QuotaProgress(int Wishes, int Posts, IReadOnlyList<string> Suggested)
{
    /// <summary>"wishes {n}/2 posts {n}/1" and, if any, " suggest {id},{id}".</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture, $"wishes {Wishes}/{Quota.WishesPerYear} posts {Posts}/{Quota.PostsPerYear}")
        + (Suggested.Count > 0 ? " suggest " + string.Join(',', Suggested) : "");

    /// <summary>The progress a stored nudge's <see cref="Text"/> holds, or null when it holds none.</summary>
    public static QuotaProgress? Parse(string? text)
    {
        var words = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is not (4 or 6) || words[0] != "wishes" || words[2] != "posts"
            || !TryCount(words[1], out var wishes) || !TryCount(words[3], out var posts)
            || (words.Length == 6 && words[4] != "suggest"))
        {
            return null;
        }

        return new QuotaProgress(wishes, posts, words.Length == 6 ? words[5].Split(',', StringSplitOptions.RemoveEmptyEntries) : []);
    }

    private static bool TryCount(string fraction, out int count)
    {
        count = 0;
        var slash = fraction.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && int.TryParse(fraction.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }
}
