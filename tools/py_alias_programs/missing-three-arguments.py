def f(a, b, c, d=1):
    return a
f()
