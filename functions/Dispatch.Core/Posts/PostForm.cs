using Dispatch.Core.Api;
using Dispatch.Core.Members;
using Dispatch.Core.Time;

namespace Dispatch.Core.Posts;

/// <summary>Checks an organizer's new post.</summary>
public static class PostForm
{
    public const int MaxTitle = 60;
    public const int MaxDescription = 500;

    /// <summary>A post lasts at most a year: quotas are annual.</summary>
    public const int MaxDays = 366;

    /// <exception cref="ApiProblemException">Validation, one message per bad field.</exception>
    public static Post Validate(CreatePostRequest? form, string postId, string communityId, string organizerId, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (form is null)
        {
            throw Invalid(new() { ["body"] = ["The post form is missing."] });
        }

        var title = form.TitleZh?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > MaxTitle)
        {
            errors["titleZh"] = [$"1–{MaxTitle} characters."];
        }

        var description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        if (description?.Length > MaxDescription)
        {
            errors["description"] = [$"At most {MaxDescription} characters."];
        }

        FreeText.Check(title, "titleZh", multiLine: false, errors);
        FreeText.Check(description, "description", multiLine: true, errors);
        if (form.Capacity is not { } capacity || capacity is < Post.MinCapacity or > Post.MaxCapacity)
        {
            errors["capacity"] = [$"A number of places from {Post.MinCapacity} to {Post.MaxCapacity}."];
        }

        var category = ServiceCategory.Other;
        if (form.Category is not null
            && !EnumNames.TryParse(form.Category, out category))
        {
            errors["category"] = [$"Choose one of: {string.Join(", ", Enum.GetNames<ServiceCategory>())}."];
        }

        var today = ChinaTime.DateOf(now);
        if (form.StartsOn is not { } starts)
        {
            errors["startsOn"] = ["Required (a China date, yyyy-MM-dd)."];
        }
        else if (starts.Year < today.Year - 1 || !Years.IsValid(starts.Year))
        {
            errors["startsOn"] = ["A post starts this year, last year or later."];
        }

        if (form.EndsOn is not { } ends)
        {
            errors["endsOn"] = ["Required (a China date, yyyy-MM-dd)."];
        }
        else if (form.StartsOn is { } s && (ends < s || ends.DayNumber - s.DayNumber >= MaxDays))
        {
            errors["endsOn"] = [$"On or after the start, within {MaxDays} days of it."];
        }

        if (errors.Count > 0)
        {
            throw Invalid(errors);
        }

        return new Post(postId, communityId, title!, description, category, form.Capacity!.Value, form.StartsOn!.Value, form.EndsOn!.Value, organizerId, now);
    }

    internal static ApiProblemException Invalid(Dictionary<string, string[]> errors) => new(ApiProblem.Validation(errors));
}
