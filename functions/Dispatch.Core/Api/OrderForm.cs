using Dispatch.Core.Members;
using Dispatch.Core.Orders;
using Dispatch.Core.Privacy;

namespace Dispatch.Core.Api;

/// <summary>Checks the resident's form and splits it into the request the decider sees and the
/// personal details only the order entity keeps.</summary>
public static class OrderForm
{
    public const int MaxName = 40;
    public const int MaxAddress = 120;
    public const int MaxDescription = 500;
    public const int MaxId = 40;
    public const int MaxIdempotencyKey = 100;

    /// <exception cref="ApiProblemException">With one message per bad field.</exception>
    public static (OrderRequest Request, ResidentDetails Resident) Validate(PlaceOrderRequest? form, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (form is null)
        {
            throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]> { ["body"] = ["The order form is missing."] }));
        }

        var kind = ParseEnum<OrderKind>(form.Kind ?? nameof(OrderKind.Service), "kind", errors);
        var category = ParseEnum<ServiceCategory>(form.Category, "category", errors);
        var community = Id(Required(form.CommunityId, "communityId", MaxId, errors), "communityId", errors);
        var grid = Id(Required(form.GridId, "gridId", MaxId, errors), "gridId", errors);
        var building = Id(Required(form.BuildingId, "buildingId", MaxId, errors), "buildingId", errors);
        // A door number as residents write it ("3单元302"): free text on one line, not a key.
        var household = Optional(form.HouseholdId, "householdId", MaxId, errors);
        FreeText.Check(household, "householdId", multiLine: false, errors);
        var name = Required(form.Name, "name", MaxName, errors);
        FreeText.Check(name, "name", multiLine: false, errors);
        var phone = Required(form.Phone, "phone", 20, errors)?.Replace(" ", "", StringComparison.Ordinal);
        if (phone is not null && !Phone.IsValid(phone))
        {
            errors["phone"] = ["Enter a mobile number (11 digits) or a landline with area code."];
        }

        var address = Required(form.Address, "address", MaxAddress, errors);
        FreeText.Check(address, "address", multiLine: false, errors);
        var description = Optional(form.Description, "description", MaxDescription, errors) ?? "";
        FreeText.Check(description, "description", multiLine: true, errors);
        if (form.WantedAt is { } wanted && (wanted < now.AddHours(-1) || wanted > now.AddDays(90)))
        {
            errors["wantedAt"] = ["Choose a time from now to 90 days ahead."];
        }

        var wantedAt = Slot(form, now, errors) ?? form.WantedAt;
        if (kind == OrderKind.Wish)
        {
            WishRules(form, errors);
        }

        if (errors.Count > 0)
        {
            throw new ApiProblemException(ApiProblem.Validation(errors));
        }

        return (
            new OrderRequest(kind!.Value, category!.Value, new Location(community!, grid!, building!, household), form.Urgent, wantedAt),
            new ResidentDetails(name!, phone!, address!, description, form.WantsUpdates));
    }

    /// <summary>The start of the chosen slot (deterministic, so a resubmitted form matches its idempotency key);
    /// a slot already over is refused.</summary>
    private static DateTimeOffset? Slot(PlaceOrderRequest form, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (form.Wanted is not { } slot)
        {
            return null;
        }

        if (form.WantedAt is not null)
        {
            errors["wantedAt"] = ["请只选一个时间。 Give either wanted or wantedAt, not both."];
        }

        var day = ParseEnum<SlotDay>(slot.Day, "wanted.day", errors);
        var part = ParseEnum<DayPart>(slot.Part, "wanted.part", errors);
        if (day is null || part is null)
        {
            return null;
        }

        var (start, end) = new WantedSlot(day.Value, part.Value).On(now);
        if (end <= now)
        {
            errors["wanted"] = ["所选时段已过，请另选。 That time slot has passed; choose another."];
            return null;
        }

        return start;
    }

    /// <summary>A wish waits on the board for days: it is never urgent and has no wanted time.</summary>
    private static void WishRules(PlaceOrderRequest form, Dictionary<string, string[]> errors)
    {
        if (form.Urgent)
        {
            errors["urgent"] = ["微心愿不能加急。 A wish cannot be urgent."];
        }

        if (form.Wanted is not null)
        {
            errors["wanted"] = ["微心愿不约时间。 A wish has no wanted time."];
        }

        if (form.WantedAt is not null)
        {
            errors["wantedAt"] = ["微心愿不约时间。 A wish has no wanted time."];
        }
    }

    public static string? IdempotencyKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        return key.Length <= MaxIdempotencyKey
            ? key.Trim()
            : throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
            {
                ["Idempotency-Key"] = [$"At most {MaxIdempotencyKey} characters."],
            }));
    }

    private static T? ParseEnum<T>(string? value, string field, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (EnumNames.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        errors[field] = [$"Choose one of: {string.Join(", ", Enum.GetNames<T>())}."];
        return null;
    }

    /// <summary>A present value must also pass the shared id rule: these become keys.</summary>
    private static string? Id(string? value, string field, Dictionary<string, string[]> errors) =>
        value is null || Ids.Check(value, field, errors) ? value : null;

    private static string? Required(string? value, string field, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["Required."];
            return null;
        }

        return Optional(value, field, max, errors);
    }

    private static string? Optional(string? value, string field, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > max)
        {
            errors[field] = [$"At most {max} characters."];
            return null;
        }

        return trimmed;
    }
}
