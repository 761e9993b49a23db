using Dispatch.Testing;

namespace Dispatch.Local.Tests;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "local host on Azurite";
}
