namespace Dispatch.Local.Demo;

/// <summary>Whether this local host is a demo: it seeds the demo community, serves /api/demo/links and may sign
/// with the public demo key. On in Development, or with Dispatch:Demo=true (run.sh); off otherwise, so a
/// production start has no demo doors.</summary>
public sealed record DemoMode(bool IsOn)
{
    public static DemoMode Of(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return new(configuration.GetValue<bool?>(DemoSigningKey.Switch) ?? environment.IsDevelopment());
    }
}
