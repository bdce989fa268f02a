fn main() {
    mianjing::start();
}
