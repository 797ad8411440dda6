import Testing
@testable import DialoogUI

@Test func scratch() {
    var app = makeApp()
    print(app.render().text)
    app.type("jj\n")
    print(app.render().text)
    app.handle(.enter)
    print(app.render().text)
    app.handle(.escape); app.handle(.escape)
    app.type("2")
    print(app.render().text)
    app.handle(.enter)
    print(app.render().text)
    app.type("3")
    print(app.render().text)
    app.type("/sectortafel\n")
    print(app.render().text)
}
