namespace Dispatch.Core;

/// <summary>Reads an enum from text by one of its names only. <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>
/// also takes numbers and comma-joined names ("Service,Wish" is Service | Wish, which is Wish), so every
/// request field and query parameter goes through here instead.</summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? value, out T result)
        where T : struct, Enum
    {
        foreach (var name in Enum.GetNames<T>())
        {
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                result = Enum.Parse<T>(name);
                return true;
            }
        }

        result = default;
        return false;
    }

    public static string List<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}
