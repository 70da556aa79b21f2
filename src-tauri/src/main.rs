fn main() {
    pickboard_lib::main()
}
