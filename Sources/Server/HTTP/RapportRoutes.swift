public import Hummingbird

/// One domain's routes, mountable by any program whose request context is a ``RapportRequestContext``: add them
/// to a router group, or take them as a `RouteCollection` to mount at a path of the program's choosing.
public protocol RapportRoutes<Context>: Sendable {
    associatedtype Context: RapportRequestContext
    /// Adds the routes to `group` (the domain's prefix, such as `/api/contacts`).
    func addRoutes(to group: some RouterMethods<Context>)
}

extension RapportRoutes {
    /// The routes as a collection: `router.addRoutes(controller.endpoints, atPath: "/api/contacts")`.
    public var endpoints: RouteCollection<Context> {
        let collection = RouteCollection(context: Context.self)
        self.addRoutes(to: collection)
        return collection
    }
}
